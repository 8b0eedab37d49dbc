using Tocsin.Core.Findings;
using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Remediation.Tests;

/// <summary>
/// The cli rendering of a plan, run by the real AWS CLI, v1 and v2, against the emulator: one script makes the scan
/// pass, and running it again succeeds and creates nothing twice.
/// </summary>
public sealed class CliScriptEmulatorTests
{
    private const string Account = "111111111111";
    private const string KeyId = "AKIAREMEDY0000000001";
    private const string Secret = "remedy-secret";

    private static readonly Dictionary<string, string> Scenarios = new()
    {
        ["trail-not-logging-no-filter-no-alarm"] = """
            regions: [us-east-1]
            accounts:
              - id: "111111111111"
                name: broken
                accessKeys:
                  - { id: AKIAREMEDY0000000001, secret: remedy-secret, user: admin }
                regions:
                  us-east-1:
                    trails:
                      - { name: main, logging: false, logGroup: trail-logs }
                    logGroups:
                      - name: trail-logs
            """,
        ["no-trail"] = """
            regions: [us-east-1]
            accounts:
              - id: "111111111111"
                name: empty
                accessKeys:
                  - { id: AKIAREMEDY0000000001, secret: remedy-secret, user: admin }
            """,
    };

    /// <summary>
    /// A live scan reads only what the chain reaches (no metric filters without a delivering trail, no topics without an
    /// alarm); the plan still covers the whole chain, so one script is enough. The loop is what a user would do if not.
    /// </summary>
    [SkippableTheory]
    [InlineData("trail-not-logging-no-filter-no-alarm", 1)]
    [InlineData("no-trail", 1)]
    [InlineData("trail-not-logging-no-filter-no-alarm", 2)]
    [InlineData("no-trail", 2)]
    public async Task One_cli_script_makes_the_scan_pass_with_aws_cli_v1_and_v2_and_running_it_again_changes_nothing(string scenario, int cliMajor)
    {
        var cliFolder = RequiredTool.AwsCliFolder(cliMajor);
        await using var emulator = await EmulatorHost.StartAsync(Scenario.Parse(Scenarios[scenario], scenario), faults: null, port: 0);
        var account = new CliScriptScan(Account, KeyId, Secret, "us-east-1", emulator.Endpoint);
        var work = Directory.CreateTempSubdirectory("tocsin-cli-script-");
        try
        {
            var environment = new Dictionary<string, string>(CliScriptProcess.AwsEnvironment(work.FullName, KeyId, Secret, "us-east-1", emulator.Endpoint))
            {
                ["PATH"] = cliFolder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            };
            var scripts = new List<string>();
            var (finding, plan) = await account.ScanAndPlanAsync();
            finding.Outcome.ShouldBe(Outcome.Fail);
            while (finding.Outcome == Outcome.Fail && scripts.Count < 4)
            {
                plan.Steps.ShouldNotBeEmpty(finding.Message);
                var script = Path.Combine(work.FullName, $"fix-{scripts.Count + 1}.sh");
                await File.WriteAllTextAsync(script, CliScriptScan.Render(plan, "cli"));
                scripts.Add(script);
                var run = await CliScriptProcess.RunAsync("bash", [script], environment, work.FullName);
                run.ExitCode.ShouldBe(0, run.ToString());
                (finding, plan) = await account.ScanAndPlanAsync();
            }

            finding.Outcome.ShouldBe(Outcome.Pass, finding.Message);
            plan.Steps.ShouldBeEmpty();
            scripts.Count.ShouldBe(1);

            foreach (var script in scripts)
            {
                var again = await CliScriptProcess.RunAsync("bash", [script], environment, work.FullName);
                again.ExitCode.ShouldBe(0, again.ToString());
            }

            (finding, plan) = await account.ScanAndPlanAsync();
            finding.Outcome.ShouldBe(Outcome.Pass, finding.Message);
            var subscriptions = await CliScriptProcess.RunAsync("aws", ["--endpoint-url", emulator.Endpoint.ToString(), "sns", "list-subscriptions", "--region", "us-east-1", "--query", "length(Subscriptions)", "--output", "text"], environment, work.FullName);
            subscriptions.Output.Trim().ShouldBe("1", subscriptions.ToString());
            var trails = await CliScriptProcess.RunAsync("aws", ["--endpoint-url", emulator.Endpoint.ToString(), "cloudtrail", "describe-trails", "--region", "us-east-1", "--query", "length(trailList)", "--output", "text"], environment, work.FullName);
            trails.Output.Trim().ShouldBe("1", trails.ToString());
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
