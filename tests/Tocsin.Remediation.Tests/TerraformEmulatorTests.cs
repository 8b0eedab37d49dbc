using Tocsin.Core.Findings;
using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;
using Tocsin.Remediation.Rendering;

namespace Tocsin.Remediation.Tests;

/// <summary>
/// The terraform rendering of a plan, applied by real Terraform against the emulator (the providers pointed there by a
/// test-only override file): the scan passes afterwards and a second plan finds nothing to change.
/// </summary>
public sealed class TerraformEmulatorTests
{
    private const string KeyId = "AKIAREMEDY0000000001";
    private const string Secret = "remedy-secret";

    private const string Chain = """
        regions: [us-east-1]
        accounts:
          - id: "111111111111"
            name: broken
            accessKeys:
              - { id: AKIAREMEDY0000000001, secret: remedy-secret, user: admin }
            regions:
              us-east-1:
                trails:
                  - { name: main, logGroup: trail-logs }
                logGroups:
                  - name: trail-logs
                    metricFilters:
                      - { name: no-mfa, pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
                          metricName: ConsoleSigninWithoutMFA, namespace: CISBenchmark, value: "1" }
        """;

    private static readonly Dictionary<string, string> Scenarios = new()
    {
        // A new topic, its policy, a subscription and a new alarm.
        ["no-alarm"] = Chain,
        // The alarm exists without an action: an import block and the whole alarm, its topic new.
        ["alarm-no-action"] = Chain + """

                    alarms:
                      - { name: no-mfa, metricName: ConsoleSigninWithoutMFA, namespace: CISBenchmark, actions: [] }
            """,
    };

    [SkippableTheory]
    [InlineData("no-alarm")]
    [InlineData("alarm-no-action")]
    public async Task Terraform_applies_the_plan_the_scan_passes_and_a_second_plan_changes_nothing(string scenario)
    {
        await using var emulator = await EmulatorHost.StartAsync(Scenario.Parse(Scenarios[scenario], scenario), faults: null, port: 0);
        var account = new CliScriptScan("111111111111", KeyId, Secret, "us-east-1", emulator.Endpoint);
        var (before, plan) = await account.ScanAndPlanAsync();
        before.Outcome.ShouldBe(Outcome.Fail);
        plan.Steps.OfType<Plans.PutAlarm>().ShouldHaveSingleItem().Exists.ShouldBe(scenario == "alarm-no-action");

        using var workspace = new TerraformWorkspace(CliScriptScan.Render(plan, "terraform"));
        workspace.PointProvidersAt(emulator.Endpoint, KeyId, Secret, [HclText.ProviderAlias("111111111111", "us-east-1")]);
        var init = await workspace.RunAsync("init", "-input=false");
        init.ExitCode.ShouldBe(0, init.ToString());
        var apply = await workspace.RunAsync("apply", "-auto-approve", "-input=false");
        apply.ExitCode.ShouldBe(0, apply.ToString());

        var (after, rest) = await account.ScanAndPlanAsync();
        after.Outcome.ShouldBe(Outcome.Pass, after.Message);
        rest.Steps.ShouldBeEmpty();
        var again = await workspace.RunAsync("plan", "-detailed-exitcode", "-input=false");
        again.ExitCode.ShouldBe(0, again.ToString());
    }
}
