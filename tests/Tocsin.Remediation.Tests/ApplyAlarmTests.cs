using Tocsin.Aws.Clients;
using Tocsin.Core.Findings;

namespace Tocsin.Remediation.Tests;

/// <summary>PutMetricAlarm overwrites the whole alarm, so an update sends back every setting the alarm had.</summary>
public class ApplyAlarmTests
{
    private const string Topic = $"arn:aws:sns:us-east-1:{ApplyScenarios.Account}:alarms";

    [Fact]
    public async Task Updating_an_alarm_keeps_its_description_unit_and_other_actions()
    {
        await using var harness = await ApplyHarness.StartAsync(ApplyScenarios.ByReason["alarm-metric-mismatch"]);
        await harness.AsAnotherPersonAsync(async session =>
        {
            await new CloudWatchClient(session).PutMetricAlarmAsync("us-east-1", new SortedDictionary<string, string>
            {
                ["AlarmName"] = "no-mfa",
                ["AlarmDescription"] = "pages the on-call engineer",
                ["MetricName"] = "ConsoleSigninWithoutMFA",
                ["Namespace"] = "Other",
                ["Statistic"] = "Sum",
                ["Period"] = "300",
                ["EvaluationPeriods"] = "1",
                ["Threshold"] = "1",
                ["ComparisonOperator"] = "GreaterThanOrEqualToThreshold",
                ["Unit"] = "Count",
                ["AlarmActions.member.1"] = Topic,
                ["OKActions.member.1"] = Topic,
                ["InsufficientDataActions.member.1"] = Topic,
            }, default);
            return true;
        });
        var seen = await harness.CollectAsync();
        ApplyHarness.Judge(seen).Reasons.ShouldBe([ReasonCode.AlarmMetricMismatch]);

        var report = await harness.ApplyAsync(ApplyHarness.Plan(seen), seen);

        report.Failed.ShouldBeFalse();
        var alarm = await harness.AsAnotherPersonAsync(session => new CloudWatchClient(session).DescribeAlarmsByNameAsync("us-east-1", "no-mfa", default));
        alarm!["Namespace"].ShouldBe("CISBenchmark");
        alarm["AlarmDescription"].ShouldBe("pages the on-call engineer");
        alarm["Unit"].ShouldBe("Count");
        alarm["OKActions.member.1"].ShouldBe(Topic);
        alarm["InsufficientDataActions.member.1"].ShouldBe(Topic);
        alarm["AlarmActions.member.1"].ShouldBe(Topic);
        ApplyHarness.Judge(await harness.CollectAsync()).Outcome.ShouldBe(Outcome.Pass);
    }

    [Fact]
    public async Task Re_enabling_actions_writes_once()
    {
        await using var harness = await ApplyHarness.StartAsync(ApplyScenarios.ByReason["alarm-actions-disabled"]);
        var seen = await harness.CollectAsync();
        var plan = ApplyHarness.Plan(seen);

        (await harness.ApplyAsync(plan, seen)).Writes.ShouldBe(1);
        (await harness.ApplyAsync(plan, seen)).Writes.ShouldBe(0);
    }
}
