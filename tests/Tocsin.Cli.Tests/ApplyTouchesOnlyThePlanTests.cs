using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Cli.Tests;

/// <summary>
/// <c>remediate --apply --yes</c> changes what its plan lists and nothing else: every resource of the emulator is read
/// before and after, and each one that differs is named by the plan — also when the apply is cut off midway (a
/// permission taken away at one step) and run again.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class ApplyTouchesOnlyThePlanTests : IAsyncLifetime
{
    private const string Account = "111111111111";

    /// <summary>A trail into a log group with no filter, beside resources no fix may touch: another log group with its filter, an alarm, a topic, a bucket.</summary>
    private const string Scenario = $$"""
        regions: [us-east-1, eu-west-1]
        accounts:
          - id: "{{Account}}"
            accessKeys:
              - { id: AKIATOUCHONLY0000001, secret: touch-only-secret, user: auditor }
            regions:
              us-east-1:
                trails:
                  - { name: main, logGroup: trail-logs }
                logGroups:
                  - name: trail-logs
                  - name: application-logs
                    metricFilters:
                      - { name: errors, pattern: ERROR, metricName: Errors, namespace: App }
                alarms:
                  - { name: app-errors, metricName: Errors, namespace: App, actions: ["arn:aws:sns:us-east-1:{{Account}}:app-pager"] }
                topics:
                  - name: app-pager
                    subscriptions: [{ protocol: email, endpoint: oncall@example.com, confirmed: true }]
              eu-west-1:
                logGroups:
                  - name: eu-logs
        """;

    private EmulatorHost _emulator = null!;
    private EnvironmentKey _key = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(Tocsin.Emulator.Scenarios.Scenario.Parse(Scenario, "touch-only.yaml"), faults: null, port: 0);
        _key = new EnvironmentKey("AKIATOUCHONLY0000001", "touch-only-secret");
    }

    public async Task DisposeAsync()
    {
        _key.Dispose();
        await _emulator.DisposeAsync();
    }

    private CliRun Remediate(params string[] flags) =>
        CliRun.Of(["remediate", "--endpoint-url", _emulator.Endpoint.ToString(), "--controls", "console-signin-without-mfa", "--notify", "email:sec@example.com", "--no-store", .. flags]);

    /// <summary>The keys of the resources that were created, changed or deleted between two readings.</summary>
    private static List<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys).Where(key => before.GetValueOrDefault(key) != after.GetValueOrDefault(key)).Order(StringComparer.Ordinal)];

    /// <summary>A changed resource is the plan's when the plan names it: its name (the last part of its key) is in the plan.</summary>
    private static void OnlyPlanned(IEnumerable<string> changed, string plan)
    {
        foreach (var key in changed)
        {
            plan.ShouldContain(key.Split('/')[^1], customMessage: $"{key} changed, and the plan does not name it");
        }
    }

    [Fact]
    public void Apply_changes_only_the_resources_its_plan_names()
    {
        var plan = Remediate("--format", "json");
        plan.ExitCode.ShouldBe(0, plan.Error);
        var before = _emulator.Control.Resources();

        var applied = Remediate("--apply", "--yes");

        applied.ExitCode.ShouldBe(0, applied.Out + applied.Error);
        var changed = Changed(before, _emulator.Control.Resources());
        changed.ShouldContain($"{Account}/us-east-1/log-group/trail-logs");
        changed.ShouldContain(key => key.StartsWith($"{Account}/us-east-1/alarm/", StringComparison.Ordinal));
        changed.ShouldContain(key => key.StartsWith($"{Account}/us-east-1/topic/", StringComparison.Ordinal));
        OnlyPlanned(changed, plan.Out);
        changed.ShouldNotContain(key => key.Contains("application-logs") || key.Contains("app-errors") || key.Contains("app-pager") || key.Contains("eu-west-1"));
    }

    [Fact]
    public void An_apply_cut_off_at_the_alarm_step_and_run_again_ends_where_an_uninterrupted_apply_ends_and_touches_nothing_else()
    {
        var plan = Remediate("--format", "json");
        var before = _emulator.Control.Resources();

        _emulator.Control.Deny("cloudwatch:PutMetricAlarm");
        var cut = Remediate("--apply", "--yes");
        cut.ExitCode.ShouldBe(1, cut.Out + cut.Error);
        cut.Out.ShouldContain("failed");
        var midway = Changed(before, _emulator.Control.Resources());
        midway.ShouldNotContain(key => key.Contains("/alarm/"));
        OnlyPlanned(midway, plan.Out);

        _emulator.Control.Allow("cloudwatch:PutMetricAlarm");
        var resumed = Remediate("--apply", "--yes");
        resumed.ExitCode.ShouldBe(0, resumed.Out + resumed.Error);
        var changed = Changed(before, _emulator.Control.Resources());
        OnlyPlanned(changed, plan.Out);
        changed.ShouldContain(key => key.Contains("/alarm/"));
        Remediate("--apply", "--yes").Out.ShouldContain("Nothing to change");
    }
}
