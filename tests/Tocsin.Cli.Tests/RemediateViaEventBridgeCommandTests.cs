using System.Text.Json;

namespace Tocsin.Cli.Tests;

/// <summary><c>tocsin remediate --via eventbridge</c>: the rule chain as a plan, and the refusals said in words.</summary>
public sealed class RemediateViaEventBridgeCommandTests
{
    private static CliRun Remediate(params string[] flags) =>
        CliRun.Of(["remediate", "--snapshot", RepositoryFiles.Snapshot("no-metric-filter"), "--controls", "console-signin-without-mfa", "--via", "eventbridge", .. flags]);

    [Fact]
    public void The_json_plan_puts_a_rule_and_a_target_per_region_and_says_the_chain_is_eventbridge()
    {
        var run = Remediate("--format", "json", "--notify", "sqs:arn:aws:sqs:us-east-1:111111111111:alerts");

        run.ExitCode.ShouldBe(0, run.Error);
        using var plan = JsonDocument.Parse(run.Out);
        plan.RootElement.GetProperty("options").GetProperty("via").GetString().ShouldBe("eventbridge");
        var types = plan.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("type").GetString()).ToList();
        types.Count(t => t == "put-event-rule").ShouldBe(2);
        types.Count(t => t == "put-event-target").ShouldBe(2);
        types.ShouldNotContain("put-metric-filter");
        plan.RootElement.GetProperty("fixes")[0].GetProperty("after").GetString().ShouldBe("pass-with-accept-eventbridge");
    }

    [Fact]
    public void Apply_refuses_the_eventbridge_chain_and_says_how_to_make_it()
    {
        var run = CliRun.Of(["remediate", "--via", "eventbridge", "--apply", "--endpoint-url", "http://127.0.0.1:9", "--region", "us-east-1"]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--apply makes the metric-filter chain only; it does not put EventBridge rules yet.");
    }

    [Fact]
    public void The_conformance_pack_format_refuses_the_eventbridge_chain()
    {
        var run = Remediate("--format", "conformance-pack");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--format conformance-pack has no form for --via eventbridge");
    }

    [Fact]
    public void A_metric_namespace_has_no_meaning_for_the_eventbridge_chain()
    {
        var run = Remediate("--namespace", "Security");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--via eventbridge deploys neither");
    }
}
