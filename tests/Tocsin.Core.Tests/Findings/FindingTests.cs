using Tocsin.Core.Patterns.Verdicts;
using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;

namespace Tocsin.Core.Tests.Findings;

public class FindingTests
{
    private static Finding Finding(string account, string control, string? region, Outcome outcome = Outcome.Pass) =>
        new(control, account, region, outcome, [], "message", Evidence.None);

    [Fact]
    public void Reason_codes_are_spelt_as_the_design_contract_lists_them_plus_the_added_key_and_eventbridge_codes()
    {
        // DESIGN.md: a new code may be added, none is renamed. topic-key-denies-cloudwatch and the EventBridge chain's were added.
        ReasonCodes.All.ShouldBe(
        [
            "no-trail", "trail-not-multi-region", "trail-not-logging", "no-management-events", "trail-no-cloudwatch-logs",
            "no-metric-filter", "pattern-insufficient", "pattern-never-fires", "pattern-unparseable", "no-alarm",
            "alarm-metric-mismatch", "alarm-actions-disabled", "alarm-cannot-fire", "alarm-no-action", "topic-missing",
            "topic-policy-denies-cloudwatch", "topic-key-denies-cloudwatch", "no-confirmed-subscription", "access-denied", "throttled", "unavailable",
            "unresolved", "eventbridge-rule-disabled", "eventbridge-no-target", "eventbridge-topic-policy-denies",
            "eventbridge-pattern-insufficient", "eventbridge-pattern-never-fires", "eventbridge-region-gap",
        ]);
    }

    [Fact]
    public void Every_reason_code_has_a_spelling()
    {
        Enum.GetValues<ReasonCode>().Select(r => r.ToCode()).Distinct().Count().ShouldBe(Enum.GetValues<ReasonCode>().Length);
    }

    [Fact]
    public void A_reason_code_reads_back_from_its_spelling()
    {
        ReasonCodes.TryParse("topic-policy-denies-cloudwatch", out var reason).ShouldBeTrue();
        reason.ShouldBe(ReasonCode.TopicPolicyDeniesCloudWatch);
        ReasonCodes.TryParse("TopicMissing", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(UnknownReason.AccessDenied, ReasonCode.AccessDenied)]
    [InlineData(UnknownReason.Throttled, ReasonCode.Throttled)]
    [InlineData(UnknownReason.Unavailable, ReasonCode.Unavailable)]
    [InlineData(UnknownReason.NotCollected, ReasonCode.Unavailable)]
    [InlineData(UnknownReason.Unresolved, ReasonCode.Unresolved)]
    public void An_unknown_value_becomes_the_reason_of_an_error(UnknownReason unknown, ReasonCode expected)
    {
        ReasonCodes.For(unknown).ShouldBe(expected);
    }

    [Fact]
    public void Verdicts_are_spelt_kebab_case()
    {
        VerdictKind.NeverFires.ToName().ShouldBe("never-fires");
        LiteralVerdict.NoMatch.ToCode().ShouldBe("no-match");
        Outcome.Error.ToCode().ShouldBe("error");
    }

    [Fact]
    public void A_run_orders_findings_by_account_then_control_then_region()
    {
        var run = RunResult.Of(
        [
            Finding("222222222222", "a-control", "us-east-1"),
            Finding("111111111111", "b-control", null),
            Finding("111111111111", "a-control", "us-east-1"),
            Finding("111111111111", "a-control", null),
        ]);

        run.Findings.Select(f => $"{f.AccountId} {f.ControlId} {f.Region}").ShouldBe(
        [
            "111111111111 a-control ",
            "111111111111 a-control us-east-1",
            "111111111111 b-control ",
            "222222222222 a-control us-east-1",
        ]);
    }

    [Fact]
    public void A_suppressed_failure_is_counted_as_suppressed_not_as_a_failure()
    {
        var exception = new ExceptionEntry("a-control", ["111111111111"], null, null, "owner", "reason", new DateOnly(2027, 1, 1), "exceptions.yaml", 2);
        var summary = RunResult.Of(
        [
            Finding("111111111111", "a-control", null, Outcome.Fail) with { SuppressedBy = exception },
            Finding("222222222222", "a-control", null, Outcome.Fail),
            Finding("222222222222", "b-control", null, Outcome.Error),
        ]).Summary;

        summary.ShouldBe(new RunSummary(2, 2, 0, 1, 1, 1, summary.ExpiredExceptions));
    }
}
