using System.Diagnostics;
using System.Text.Json;

namespace Tocsin.Cli.Tests;

/// <summary>
/// An account that alerts on console sign-ins only through EventBridge rules, built with boto3 in moto
/// (Fixtures/build-moto-eventbridge.py) and scanned by <c>tocsin scan --endpoint-url</c>, then the same account broken
/// link by link. The trail has no log group, so the metric-filter chain fails with trail-no-cloudwatch-logs. moto
/// answers ListRules, DescribeRule and ListTargetsByRule as AWS does for these rules (a target without a role has no
/// <c>RoleArn</c>, the rule names <c>EventBusName</c> <c>default</c>), gives a new topic the policy AWS gives it, and
/// confirms an SQS subscription at once, as AWS does for a queue of the same account. Where moto differs (its topic
/// attribute <c>SubscriptionsConfirmed</c> stays 0, it delivers no event and checks no policy) is written in
/// docs/eventbridge-patterns.md, "Checked against moto"; the tool counts subscriptions from ListSubscriptionsByTopic,
/// as on AWS.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class EventBridgeMotoScanTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static readonly string[] Regions = ["us-east-1", "eu-west-1"];

    private async Task BuildAsync(string variant)
    {
        RequiredTool.Moto();
        await moto.ResetAsync();
        var script = Path.Combine(AppContext.BaseDirectory, "Fixtures", "build-moto-eventbridge.py");
        var start = new ProcessStartInfo("python3", [script, moto.Endpoint.ToString(), variant, .. Regions]) { RedirectStandardError = true, UseShellExecute = false };
        MotoServer.WithoutAwsSettings(start);
        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, errors);
    }

    private CliRun Scan(params string[] flags)
    {
        using var key = new EnvironmentKey("testing", "testing");
        return CliRun.Of(["scan", "--endpoint-url", moto.Endpoint.ToString(), "--region", Regions[0], "--region", Regions[1], "--controls", "console-signin-without-mfa", "--format", "json", "--no-store", .. flags]);
    }

    private static JsonElement Finding(CliRun run) =>
        JsonDocument.Parse(run.Out).RootElement.GetProperty("findings").EnumerateArray().Single().Clone();

    private static string[] Reasons(JsonElement finding) => [.. finding.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)];

    [SkippableFact]
    public async Task An_account_built_in_moto_that_alerts_only_through_eventbridge_passes_with_accept_eventbridge_by_that_chain()
    {
        await BuildAsync("complete");

        var run = Scan("--accept", "eventbridge");

        run.ExitCode.ShouldBe(0, run.Out + run.Error);
        var finding = Finding(run);
        finding.GetProperty("outcome").GetString().ShouldBe("pass", finding.GetProperty("message").GetString());
        finding.GetProperty("chain").GetString().ShouldBe("eventbridge");
        finding.GetProperty("otherChain").GetProperty("chain").GetString().ShouldBe("metric-filter");
        finding.GetProperty("otherChain").GetProperty("outcome").GetString().ShouldBe("fail");
        Reasons(finding.GetProperty("otherChain")).ShouldBe(["trail-no-cloudwatch-logs"]);
        finding.GetProperty("message").GetString()!.ShouldContain("notifies topic signin-alerts, which has 1 confirmed subscription");
        finding.GetProperty("evidence").GetProperty("chain")[0].GetString().ShouldBe("arn:aws:events:us-east-1:123456789012:rule/console-signin-without-mfa");
    }

    [SkippableFact]
    public async Task Without_accept_the_same_moto_account_fails_the_metric_filter_chain()
    {
        await BuildAsync("complete");

        var run = Scan();

        run.ExitCode.ShouldBe(1, run.Out + run.Error);
        var finding = Finding(run);
        finding.GetProperty("outcome").GetString().ShouldBe("fail");
        finding.GetProperty("chain").GetString().ShouldBe("metric-filter");
        Reasons(finding).ShouldBe(["trail-no-cloudwatch-logs"]);
    }

    [SkippableTheory]
    [InlineData("disabled", "eventbridge-rule-disabled", "rule console-signin-without-mfa in us-east-1 is disabled")]
    [InlineData("default-topic-policy", "eventbridge-topic-policy-denies", "does not let events.amazonaws.com publish")]
    [InlineData("region-gap", "eventbridge-region-gap", "events recorded in eu-west-1 reach no EventBridge rule that alerts")]
    public async Task A_moto_account_whose_eventbridge_chain_is_broken_fails_with_its_reason_code(string variant, string reason, string says)
    {
        await BuildAsync(variant);

        var run = Scan("--accept", "eventbridge");

        run.ExitCode.ShouldBe(1, run.Out + run.Error);
        var finding = Finding(run);
        finding.GetProperty("outcome").GetString().ShouldBe("fail");
        Reasons(finding).ShouldBe(["trail-no-cloudwatch-logs", reason], finding.GetProperty("message").GetString());
        finding.GetProperty("otherChain").GetProperty("chain").GetString().ShouldBe("eventbridge");
        finding.GetProperty("message").GetString()!.ShouldContain(says);
    }
}
