using Tocsin.Core.Patterns.Verdicts;
using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Tests.Inventory;

namespace Tocsin.Core.Tests.Evaluation;

/// <summary>One fixture snapshot per broken link (tests/fixtures/README.md): the outcome, reason and region each must get.</summary>
public class FixtureEvaluationTests
{
    private static readonly Control Seed = ControlCatalog.Default.Find("console-signin-without-mfa")!;

    private static Finding EvaluateSeed(string fixture, string account = "111111111111")
    {
        var inventory = Fixtures.Load(fixture);
        return new ChainEvaluator(EvaluationOptions.Default).Evaluate(inventory, inventory.FindAccount(account)!, Seed);
    }

    [Theory]
    [InlineData("good")]
    [InlineData("good-advanced-selectors")]
    [InlineData("good-metric-math-alarm")]
    [InlineData("good-encrypted-topic")]
    public void A_complete_chain_passes(string fixture)
    {
        var finding = EvaluateSeed(fixture);

        finding.Outcome.ShouldBe(Outcome.Pass, finding.Message);
        finding.Reasons.ShouldBeEmpty();
        finding.Region.ShouldBe("us-east-1");
        finding.Verdict.ShouldBe(VerdictKind.Equivalent);
        finding.Message.ShouldStartWith("alerts: alarm ");
    }

    [Theory]
    [InlineData("no-trail", ReasonCode.NoTrail, null)]
    [InlineData("trail-not-multi-region", ReasonCode.TrailNotMultiRegion, "us-east-1")]
    [InlineData("trail-not-logging", ReasonCode.TrailNotLogging, "us-east-1")]
    [InlineData("no-management-events-basic", ReasonCode.NoManagementEvents, "us-east-1")]
    [InlineData("no-management-events-advanced", ReasonCode.NoManagementEvents, "us-east-1")]
    [InlineData("trail-no-cloudwatch-logs", ReasonCode.TrailNoCloudWatchLogs, "us-east-1")]
    [InlineData("no-metric-filter", ReasonCode.NoMetricFilter, "us-east-1")]
    [InlineData("pattern-insufficient", ReasonCode.PatternInsufficient, "us-east-1")]
    [InlineData("pattern-never-fires", ReasonCode.PatternNeverFires, "us-east-1")]
    [InlineData("no-alarm", ReasonCode.NoAlarm, "us-east-1")]
    [InlineData("alarm-metric-mismatch", ReasonCode.AlarmMetricMismatch, "us-east-1")]
    [InlineData("alarm-actions-disabled", ReasonCode.AlarmActionsDisabled, "us-east-1")]
    [InlineData("alarm-cannot-fire-threshold", ReasonCode.AlarmCannotFire, "us-east-1")]
    [InlineData("alarm-cannot-fire-average", ReasonCode.AlarmCannotFire, "us-east-1")]
    [InlineData("alarm-no-action", ReasonCode.AlarmNoAction, "us-east-1")]
    [InlineData("topic-missing", ReasonCode.TopicMissing, "us-east-1")]
    [InlineData("topic-policy-denies-cloudwatch", ReasonCode.TopicPolicyDeniesCloudWatch, "us-east-1")]
    [InlineData("topic-key-denies-cloudwatch", ReasonCode.TopicKeyDeniesCloudWatch, "us-east-1")]
    [InlineData("no-confirmed-subscription", ReasonCode.NoConfirmedSubscription, "us-east-1")]
    public void Each_broken_link_fails_with_its_own_reason(string fixture, ReasonCode reason, string? region)
    {
        var finding = EvaluateSeed(fixture);

        finding.Outcome.ShouldBe(Outcome.Fail, finding.Message);
        finding.Reasons.ShouldBe([reason]);
        finding.Region.ShouldBe(region);
    }

    [Theory]
    [InlineData("pattern-unparseable", ReasonCode.PatternUnparseable, "us-east-1")]
    [InlineData("access-denied-alarms", ReasonCode.AccessDenied, "us-east-1")]
    [InlineData("access-denied-account", ReasonCode.AccessDenied, null)]
    public void What_could_not_be_seen_or_decided_is_an_error_never_a_pass_or_fail(string fixture, ReasonCode reason, string? region)
    {
        var finding = EvaluateSeed(fixture);

        finding.Outcome.ShouldBe(Outcome.Error, finding.Message);
        finding.Reasons.ShouldBe([reason]);
        finding.Region.ShouldBe(region);
    }

    [Theory]
    [InlineData("no-confirmed-subscription", "topic security-alarms has no confirmed subscription (1 pending confirmation): nobody receives the alarm yet")]
    [InlineData("alarm-metric-mismatch", "alarm console-signin-without-mfa watches LogMetrics/ConsoleSigninWithoutMFA but metric filter console-signin-without-mfa publishes CISBenchmark/ConsoleSigninWithoutMFA (namespace mismatch), so it never sees a data point")]
    [InlineData("alarm-cannot-fire-threshold", "alarm console-signin-without-mfa cannot fire on a single event: one event publishes 1 (Sum) and the alarm fires when it is at least 5")]
    [InlineData("no-trail", "no CloudTrail trail records this account's API activity, so nothing can alert on it")]
    public void The_broken_link_is_said_in_words(string fixture, string message) =>
        EvaluateSeed(fixture).Message.ShouldBe(message);

    [Fact]
    public void The_evidence_lists_the_arns_of_the_chain_in_order()
    {
        var chain = EvaluateSeed("good").Evidence.Chain;

        chain[0].ShouldStartWith("arn:aws:cloudtrail:");
        chain[1].ShouldStartWith("arn:aws:logs:");
        chain[2].ShouldStartWith("metric-filter:");
        chain[3].ShouldStartWith("arn:aws:cloudwatch:");
        chain[4].ShouldStartWith("arn:aws:sns:");
        chain[^1].ShouldStartWith("arn:aws:sns:");
    }

    [Theory]
    [InlineData("111111111111")]
    [InlineData("222222222222")]
    [InlineData("333333333333")]
    public void Org_trail_owned_by_management_account_covers_member_accounts(string account)
    {
        var finding = EvaluateSeed("org-trail-inherited", account);

        finding.Outcome.ShouldBe(Outcome.Pass, finding.Message);
        finding.InheritedFrom.ShouldBe(account == "111111111111" ? null : "111111111111");
        finding.Evidence.Chain.ShouldContain(arn => arn.Contains(":111111111111:"));
    }

    [Theory]
    [InlineData("111111111111")]
    [InlineData("222222222222")]
    [InlineData("333333333333")]
    public void A_member_that_cannot_see_the_owners_chain_is_not_failed_for_it(string account)
    {
        var finding = EvaluateSeed("org-trail-member-cannot-see-owner", account);

        finding.Outcome.ShouldBe(Outcome.Error, finding.Message);
        finding.Reasons.ShouldBe([ReasonCode.AccessDenied]);
    }

    [Fact]
    public void Literal_mode_judges_the_pattern_text_and_both_verdicts_are_reported()
    {
        var inventory = Fixtures.Load("pattern-insufficient");
        var finding = new ChainEvaluator(new EvaluationOptions(EvaluationMode.Literal)).Evaluate(inventory, inventory.FindAccount("111111111111")!, Seed);

        finding.LiteralVerdict.ShouldBe(LiteralVerdict.Match);
        finding.Verdict.ShouldBe(VerdictKind.Insufficient);
        finding.Outcome.ShouldBe(Outcome.Pass, "the checkers' regex accepts a pattern that misses sign-ins");
    }
}
