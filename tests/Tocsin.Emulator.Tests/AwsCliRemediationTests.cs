using System.Text.Json.Nodes;

namespace Tocsin.Emulator.Tests;

/// <summary>The seed control's remediation commands, run verbatim with the AWS CLI, then read back with the CLI's describe calls.</summary>
public sealed class AwsCliRemediationTests(DefaultScenarioFixture fixture) : IClassFixture<DefaultScenarioFixture>
{
    private const string Pattern = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }";

    private async Task<JsonNode> Aws(params string[] arguments)
    {
        var result = await fixture.AwsAsync("testing", "testing", arguments);
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.Output.Trim().Length == 0 ? new JsonObject() : JsonNode.Parse(result.Output)!;
    }

    [SkippableFact]
    public async Task The_seed_remediation_commands_create_a_chain_the_describe_calls_read_back()
    {
        await Aws("logs", "create-log-group", "--log-group-name", "CloudTrail/DefaultLogGroup");
        await Aws("logs", "put-metric-filter", "--log-group-name", "CloudTrail/DefaultLogGroup", "--filter-name", "ConsoleSigninWithoutMFA",
            "--metric-transformations", "metricName=ConsoleSigninWithoutMFA,metricNamespace=CISBenchmark,metricValue=1",
            "--filter-pattern", Pattern);
        var topicArn = (await Aws("sns", "create-topic", "--name", "cis-alarms"))["TopicArn"]!.GetValue<string>();
        await Aws("sns", "subscribe", "--topic-arn", topicArn, "--protocol", "email", "--notification-endpoint", "security@example.com");
        await Aws("cloudwatch", "put-metric-alarm", "--alarm-name", "ConsoleSigninWithoutMFA", "--metric-name", "ConsoleSigninWithoutMFA",
            "--statistic", "Sum", "--period", "300", "--threshold", "1", "--comparison-operator", "GreaterThanOrEqualToThreshold",
            "--evaluation-periods", "1", "--namespace", "CISBenchmark", "--alarm-actions", topicArn);

        var filter = (await Aws("logs", "describe-metric-filters", "--log-group-name", "CloudTrail/DefaultLogGroup"))["metricFilters"]!.AsArray().ShouldHaveSingleItem()!;
        filter["filterPattern"]!.GetValue<string>().ShouldBe(Pattern);
        filter["metricTransformations"]![0]!["metricName"]!.GetValue<string>().ShouldBe("ConsoleSigninWithoutMFA");

        var alarm = (await Aws("cloudwatch", "describe-alarms", "--alarm-names", "ConsoleSigninWithoutMFA"))["MetricAlarms"]!.AsArray().ShouldHaveSingleItem()!;
        alarm["Namespace"]!.GetValue<string>().ShouldBe("CISBenchmark");
        alarm["Threshold"]!.GetValue<double>().ShouldBe(1);
        alarm["AlarmActions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe([topicArn]);

        var subscription = (await Aws("sns", "list-subscriptions-by-topic", "--topic-arn", topicArn))["Subscriptions"]!.AsArray().ShouldHaveSingleItem()!;
        subscription["Endpoint"]!.GetValue<string>().ShouldBe("security@example.com");
        subscription["SubscriptionArn"]!.GetValue<string>().ShouldBe("PendingConfirmation");
    }

    [SkippableFact]
    public async Task Setting_an_alarm_state_shows_in_describe_alarms()
    {
        await Aws("cloudwatch", "put-metric-alarm", "--alarm-name", "state-check", "--metric-name", "M", "--namespace", "N",
            "--statistic", "Sum", "--period", "60", "--threshold", "1", "--comparison-operator", "GreaterThanOrEqualToThreshold", "--evaluation-periods", "1");
        await Aws("cloudwatch", "set-alarm-state", "--alarm-name", "state-check", "--state-value", "ALARM", "--state-reason", "drill");
        var alarm = (await Aws("cloudwatch", "describe-alarms", "--alarm-names", "state-check"))["MetricAlarms"]![0]!;
        (alarm["StateValue"]!.GetValue<string>(), alarm["StateReason"]!.GetValue<string>()).ShouldBe(("ALARM", "drill"));
    }

    [SkippableFact]
    public async Task Deleting_an_alarm_that_does_not_exist_is_ResourceNotFound()
    {
        var result = await fixture.AwsAsync("testing", "testing", "cloudwatch", "delete-alarms", "--alarm-names", "never-created");
        result.ExitCode.ShouldNotBe(0);
        result.Error.ShouldContain("(ResourceNotFound)");
    }

    [SkippableFact]
    public async Task An_operation_the_emulator_does_not_serve_is_refused_by_name()
    {
        var result = await fixture.AwsAsync("testing", "testing", "logs", "describe-log-streams", "--log-group-name", "any");
        result.ExitCode.ShouldNotBe(0);
        result.Error.ShouldContain("(UnknownOperationException)");
        result.Error.ShouldContain("DescribeLogStreams");
    }

    [SkippableFact]
    public async Task Describe_regions_lists_the_regions_the_account_may_use()
    {
        var regions = (await Aws("ec2", "describe-regions"))["Regions"]!.AsArray().Select(r => r!["RegionName"]!.GetValue<string>()).ToList();
        regions.ShouldContain("us-east-1");
        regions.ShouldContain("eu-west-1");
    }
}
