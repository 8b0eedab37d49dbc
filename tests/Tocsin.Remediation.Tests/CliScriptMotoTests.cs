using Tocsin.Core.Findings;

namespace Tocsin.Remediation.Tests;

/// <summary>
/// The cli rendering run by the AWS CLI against moto, which differs from AWS in places (it duplicates a metric filter
/// put twice, confirms every subscription at once): every call succeeds, a second run is clean, and the scan passes.
/// </summary>
public sealed class CliScriptMotoTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Account = "123456789012";

    /// <summary>
    /// A logging trail delivering to a log group, built with the AWS CLI: the chain lacks a metric filter and an alarm.
    /// moto reports no selectors for a trail created without them (AWS reports the default one), so they are put.
    /// </summary>
    private const string TrailWithoutFilter = """
        set -euo pipefail
        aws() { command aws --endpoint-url "$AWS_ENDPOINT_URL" --region us-east-1 "$@"; }
        aws s3api create-bucket --bucket moto-trail-bucket >/dev/null
        aws logs create-log-group --log-group-name moto-trail-logs
        aws iam create-role --role-name moto-trail-role --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"sts:AssumeRole"}]}' >/dev/null
        aws cloudtrail create-trail --name moto-trail --s3-bucket-name moto-trail-bucket --is-multi-region-trail \
          --cloud-watch-logs-log-group-arn 'arn:aws:logs:us-east-1:123456789012:log-group:moto-trail-logs:*' \
          --cloud-watch-logs-role-arn arn:aws:iam::123456789012:role/moto-trail-role >/dev/null
        aws cloudtrail put-event-selectors --trail-name moto-trail --event-selectors '[{"ReadWriteType":"All","IncludeManagementEvents":true}]' >/dev/null
        aws cloudtrail start-logging --name moto-trail
        """;

    [SkippableFact]
    public async Task The_cli_scripts_run_cleanly_against_moto_twice_and_the_scan_passes()
    {
        RequiredTool.Moto();
        RequiredTool.AwsCli();
        var work = Directory.CreateTempSubdirectory("tocsin-cli-moto-");
        try
        {
            var environment = CliScriptProcess.AwsEnvironment(work.FullName, "testing", "testing", "us-east-1", moto.Endpoint);
            var setup = await CliScriptProcess.RunAsync("bash", ["-c", TrailWithoutFilter], environment, work.FullName);
            setup.ExitCode.ShouldBe(0, setup.ToString());

            var account = new CliScriptScan(Account, "testing", "testing", "us-east-1", moto.Endpoint);
            var (finding, plan) = await account.ScanAndPlanAsync();
            finding.Reasons.ShouldContain(ReasonCode.NoMetricFilter, $"{finding.Outcome}: {finding.Message}");
            var scripts = new List<string>();
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
            foreach (var script in scripts)
            {
                var again = await CliScriptProcess.RunAsync("bash", [script], environment, work.FullName);
                again.ExitCode.ShouldBe(0, again.ToString());
            }

            (finding, _) = await account.ScanAndPlanAsync();
            finding.Outcome.ShouldBe(Outcome.Pass, finding.Message);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}
