using Tocsin.Core.Controls;
using Tocsin.Core.EventPatterns;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Parsing;
using Tocsin.Core.Patterns.Verdicts;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Emulator.Tests;

/// <summary>The demo organization's filters and rules behave as its comments promise (checked with Core's matchers).</summary>
public sealed class DemoOrgPatternTests
{
    private const string WithoutMfa = """{"eventName":"ConsoleLogin","userIdentity":{"type":"IAMUser"},"additionalEventData":{"MFAUsed":"No"},"responseElements":{"ConsoleLogin":"Success"}}""";
    private const string WithMfa = """{"eventName":"ConsoleLogin","userIdentity":{"type":"IAMUser"},"additionalEventData":{"MFAUsed":"Yes"},"responseElements":{"ConsoleLogin":"Success"}}""";
    private const string RootWithoutMfa = """{"eventName":"ConsoleLogin","userIdentity":{"type":"Root"},"additionalEventData":{"MFAUsed":"No"},"responseElements":{"ConsoleLogin":"Success"}}""";

    private static PatternMatcher FilterOf(string accountId)
    {
        var account = Scenario.Builtin("demo-org").File.Accounts.Single(a => a.Id == accountId);
        var pattern = account.Regions["us-east-1"].LogGroups.Single().MetricFilters.Single().Pattern;
        var parsed = PatternParser.Parse(pattern);
        parsed.Error.ShouldBeNull();
        return PatternMatcher.Compile(parsed.Pattern!);
    }

    [Theory]
    [InlineData("111111111111")]
    [InlineData("444444444444")]
    [InlineData("666666666666")]
    [InlineData("777777777777")]
    public void Complete_chains_catch_a_sign_in_without_MFA_and_not_one_with_it(string accountId)
    {
        var filter = FilterOf(accountId);
        (filter.Matches(WithoutMfa), filter.Matches(WithMfa)).ShouldBe((true, false));
    }

    [Fact]
    public void The_CIS_strict_variant_drops_root_sign_ins_without_MFA()
    {
        var filter = FilterOf("555555555555");
        (filter.Matches(WithoutMfa), filter.Matches(RootWithoutMfa)).ShouldBe((true, false));
    }

    [Fact]
    public void The_or_mistake_fires_on_sign_ins_with_MFA_too()
    {
        FilterOf("888888888888").Matches(WithMfa).ShouldBeTrue();
    }

    [Fact]
    public void The_EventBridge_account_has_the_same_sign_in_rule_in_every_demo_region_and_no_metric_filter()
    {
        var demo = Scenario.Builtin("demo-org").File;
        var account = demo.Accounts.Single(a => a.Id == EventBridgeAccount);

        account.Regions.Keys.ShouldBe(demo.Regions!, ignoreOrder: true);
        account.Regions.Values.Select(region => region.Rules.Single().Pattern).Distinct().ShouldHaveSingleItem();
        account.Regions.Values.SelectMany(region => region.LogGroups).SelectMany(group => group.MetricFilters).ShouldBeEmpty();
    }

    [Fact]
    public void The_EventBridge_accounts_rule_catches_a_sign_in_without_MFA_as_EventBridge_delivers_it_and_not_one_with_it()
    {
        var (rule, _) = EventPatternMatcher.Compile(RuleOf(EventBridgeAccount));

        (rule!.Matches(CloudTrailEnvelope.Wrap(SignIn(WithoutMfa))), rule.Matches(CloudTrailEnvelope.Wrap(SignIn(WithMfa)))).ShouldBe((true, false));
    }

    [Fact]
    public void The_EventBridge_accounts_rule_is_judged_broader_than_the_CIS_pattern_which_passes_the_default_policy()
    {
        var verdict = EventPatternJudge.Judge(RuleOf(EventBridgeAccount), ControlCatalog.Default.Find("console-signin-without-mfa")!);

        verdict.Kind.ShouldBe(VerdictKind.Broader, verdict.Explanation);
        verdict.Missed.ShouldBeEmpty();
    }

    private const string EventBridgeAccount = "121212121212";

    private static string RuleOf(string accountId) =>
        Scenario.Builtin("demo-org").File.Accounts.Single(a => a.Id == accountId).Regions["us-east-1"].Rules.Single().Pattern!;

    /// <summary>The record as CloudTrail writes it for a console sign-in: the fields the envelope is made of added.</summary>
    private static string SignIn(string record) => record.Insert(1,
        "\"eventSource\":\"signin.amazonaws.com\",\"eventType\":\"AwsConsoleSignIn\",\"awsRegion\":\"us-east-1\",\"eventTime\":\"2026-01-05T09:00:00Z\",\"eventID\":\"1\",\"recipientAccountId\":\"121212121212\",");
}
