using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tocsin.Cli.Tests;

public sealed class RemediateCommandTests
{
    private static CliRun Remediate(string fixture, params string[] flags) =>
        CliRun.Of(["remediate", "--snapshot", RepositoryFiles.Snapshot(fixture), "--controls", "console-signin-without-mfa", .. flags]);

    /// <summary>The text with each wrapped line joined back to the line it continues.</summary>
    private static string Unwrapped(string text) => Regex.Replace(text, @"\n {4,}", " ");

    [Fact]
    public void The_text_plan_lists_the_steps_per_account_and_region_with_the_reason_each_mends()
    {
        var run = Remediate("trail-no-cloudwatch-logs", "--notify", "email:security@example.com") is var raw ? raw with { Out = Unwrapped(raw.Out) } : null!;

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("Account 111111111111, us-east-1:");
        run.Out.ShouldContain("1. create log group tocsin-cloudtrail [trail-no-cloudwatch-logs]");
        run.Out.ShouldContain("make trail management-events deliver to log group tocsin-cloudtrail through role TocsinCloudTrailToLogs [trail-no-cloudwatch-logs]");
        run.Out.ShouldContain("[no-metric-filter]");
        run.Out.ShouldContain("111111111111 console-signin-without-mfa: trail-no-cloudwatch-logs -> passes");
    }

    [Fact]
    public void The_json_plan_names_each_step_by_type_with_its_account_region_reason_and_change()
    {
        var run = Remediate("no-alarm", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var plan = JsonDocument.Parse(run.Out);
        var step = plan.RootElement.GetProperty("steps").EnumerateArray().ShouldHaveSingleItem();
        step.GetProperty("type").GetString().ShouldBe("put-alarm");
        step.GetProperty("accountId").GetString().ShouldBe("111111111111");
        step.GetProperty("region").GetString().ShouldBe("us-east-1");
        step.GetProperty("reason").GetString().ShouldBe("no-alarm");
        step.GetProperty("change").GetString().ShouldBe("create");
        plan.RootElement.GetProperty("fixes")[0].GetProperty("after").GetString().ShouldBe("pass");
    }

    [Fact]
    public void A_plan_that_waits_on_a_subscriber_says_it_passes_once_the_subscription_is_confirmed()
    {
        var run = Remediate("no-confirmed-subscription", "--notify", "email:security@example.com") is var raw ? raw with { Out = Unwrapped(raw.Out) } : null!;

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("(the recipient must confirm before alarms reach them)");
        run.Out.ShouldContain("-> passes once a subscription is confirmed");
    }

    [Fact]
    public void The_text_plan_fits_the_width_of_the_report()
    {
        var run = Remediate("no-trail", "--notify", "email:security@example.com");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.Split('\n').ShouldAllBe(line => line.Length <= 120);
        run.Out.ShouldContain("\n      ");
    }

    [Fact]
    public void The_plan_can_be_written_to_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tocsin-plan-{Guid.NewGuid():N}.json");
        try
        {
            var run = Remediate("no-alarm", "--format", "json", "--output", path);

            run.ExitCode.ShouldBe(0, run.Error);
            run.Out.ShouldBeEmpty();
            JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("steps").GetArrayLength().ShouldBe(1);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("--notify", "someone@example.com", "--notify: `someone@example.com` is not email:ADDRESS, https:URL, sqs:QUEUE-ARN or lambda:FUNCTION-ARN")]
    [InlineData("--topic-arn", "security-alarms", "--topic-arn: `security-alarms` is not an SNS topic ARN")]
    [InlineData("--namespace", "AWS/Logs", "--namespace: `AWS/Logs` is not a custom metric namespace")]
    [InlineData("--variant", "no-such-variant", "--variant: no control of this plan has an accepted variant named `no-such-variant`")]
    [InlineData("--region", "us-east-1", "--snapshot plans from a saved inventory: give it without --profile")]
    public void A_bad_flag_exits_2_and_says_what_it_expects(string flag, string value, string message)
    {
        var run = Remediate("no-alarm", flag, value);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(message);
    }

    [Fact]
    public void A_malformed_snapshot_exits_2_with_where_and_what()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tocsin-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\"schemaVersion\": 1, \"accounts\": [ }");
        try
        {
            var run = CliRun.Of("remediate", "--snapshot", path);

            run.ExitCode.ShouldBe(2);
            run.Error.ShouldContain(Path.GetFileName(path));
            run.Error.ShouldNotContain("   at ");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
