using Tocsin.Core.Controls;
using Tocsin.Core.EventPatterns;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.Tests.EventPatterns;

/// <summary>An EventBridge rule's pattern gets the same kind of verdict as a metric filter, from the same judge.</summary>
public class EventPatternVerdictTests
{
    private static readonly Control Seed = ControlCatalog.Default.Find("console-signin-without-mfa")!;
    private static readonly Control Root = ControlCatalog.Default.Find("root-account-usage")!;

    private const string SignIn = "\"source\": [\"aws.signin\"], \"detail-type\": [\"AWS Console Sign In via CloudTrail\"]";

    [Theory]
    [InlineData(
        "{ $.eventName = \"ConsoleLogin\" && $.additionalEventData.MFAUsed = \"No\" }",
        "{\"detail\": {\"eventName\": [\"ConsoleLogin\"], \"additionalEventData\": {\"MFAUsed\": [\"No\"]}}}")]
    [InlineData(
        "{ $.eventName = \"ConsoleLogin\" && ($.additionalEventData.MFAUsed != \"Yes\" || $.additionalEventData.MFAUsed IS NULL || $.additionalEventData.MFAUsed IS TRUE || $.additionalEventData.MFAUsed IS FALSE) }",
        "{\"detail\": {\"eventName\": [\"ConsoleLogin\"], \"additionalEventData\": {\"MFAUsed\": [{\"anything-but\": \"Yes\"}]}}}")]
    [InlineData(
        "{ $.eventName = \"ConsoleLogin\" && ($.additionalEventData.MFAUsed != \"Yes\" && $.additionalEventData.MFAUsed != \"yes\" || $.additionalEventData.MFAUsed IS NULL || $.additionalEventData.MFAUsed IS TRUE || $.additionalEventData.MFAUsed IS FALSE) }",
        "{\"detail\": {\"eventName\": [\"ConsoleLogin\"], \"additionalEventData\": {\"MFAUsed\": [{\"anything-but\": [\"Yes\", \"yes\"]}]}}}")]
    [InlineData(
        "{ $.eventSource = \"signin.amazonaws.com\" && $.eventType = \"AwsConsoleSignIn\" }",
        "{" + SignIn + "}")]
    [InlineData(
        "{ $.eventName = \"ConsoleLogin\" && $.additionalEventData.MFAUsed = \"No\" && $.userIdentity.type = \"IAMUser\" && $.responseElements.ConsoleLogin = \"Success\" }",
        "{\"detail\": {\"eventName\": [\"ConsoleLogin\"], \"additionalEventData\": {\"MFAUsed\": [\"No\"]}, \"userIdentity\": {\"type\": [\"IAMUser\"]}, \"responseElements\": {\"ConsoleLogin\": [\"Success\"]}}}")]
    [InlineData(
        "{ $.eventName = \"ConsoleLogin\" && $.additionalEventData.MFAUsed = \"No\" && $.userIdentity.type = \"Root\" }",
        "{\"detail\": {\"eventName\": [\"ConsoleLogin\"], \"additionalEventData\": {\"MFAUsed\": [\"No\"]}, \"userIdentity\": {\"type\": [\"Root\"]}}}")]
    public void A_pattern_and_its_twin_in_the_other_language_get_the_same_verdict(string filter, string eventPattern)
    {
        var byFilter = PatternJudge.Judge(filter, Seed);
        var byRule = EventPatternJudge.Judge(eventPattern, Seed);

        var why = byRule.Explanation + " | " + byFilter.Explanation;
        byRule.Kind.ShouldBe(byFilter.Kind, why);
        byRule.Missed.ShouldBe(byFilter.Missed, why);
        byRule.Extra.ShouldBe(byFilter.Extra, why);
        byRule.CatchesRequiredPopulations.ShouldBe(byFilter.CatchesRequiredPopulations, why);
    }

    [Fact]
    public void A_root_usage_rule_and_its_filter_twin_get_the_same_verdict()
    {
        var byFilter = PatternJudge.Judge("{ $.userIdentity.type = \"Root\" }", Root);
        var byRule = EventPatternJudge.Judge("{\"detail\": {\"userIdentity\": {\"type\": [\"Root\"]}}}", Root);

        byRule.Kind.ShouldBe(VerdictKind.Broader);
        byFilter.Kind.ShouldBe(VerdictKind.Broader);
        byRule.Missed.ShouldBe(byFilter.Missed);
        byRule.Extra.ShouldBe(byFilter.Extra);
    }

    [Fact]
    public void The_cis_rule_with_anything_but_yes_catches_every_sign_in_without_mfa()
    {
        var verdict = EventPatternJudge.Judge("{" + SignIn + ", \"detail\": {\"eventName\": [\"ConsoleLogin\"], \"additionalEventData\": {\"MFAUsed\": [{\"anything-but\": \"Yes\"}]}}}", Seed);

        verdict.Kind.ShouldBe(VerdictKind.Broader);
        verdict.Missed.ShouldBeEmpty();
        verdict.Extra.ShouldBeEmpty();
        verdict.Explanation.ShouldBe("broader: also alerts on records outside the control's populations, such as eventName is \"ConsoleLogin\", eventSource is \"signin.amazonaws.com\", eventType is \"AwsConsoleSignIn\", additionalEventData.MFAUsed is null");
    }

    [Fact]
    public void A_rule_on_only_source_and_detail_type_is_broader_and_names_the_sign_ins_it_adds()
    {
        var verdict = EventPatternJudge.Judge("{" + SignIn + "}", Seed);

        verdict.Kind.ShouldBe(VerdictKind.Broader);
        verdict.Extra.ShouldBe(["iam-user-mfa", "mfa-field-missing", "other-sign-in-event", "root-mfa"]);
        verdict.Missed.ShouldBeEmpty();
    }

    [Fact]
    public void A_rule_on_api_calls_never_fires_for_sign_ins_and_says_how_they_arrive()
    {
        var verdict = EventPatternJudge.Judge("{\"detail-type\": [\"AWS API Call via CloudTrail\"], \"detail\": {\"eventName\": [\"ConsoleLogin\"]}}", Seed);

        verdict.Kind.ShouldBe(VerdictKind.NeverFires);
        verdict.Explanation.ShouldBe("never fires: the control's events arrive with detail-type `AWS Console Sign In via CloudTrail`, which `detail-type` in the pattern does not match");
    }

    [Fact]
    public void A_rule_on_a_misspelt_detail_field_never_fires_and_suggests_the_spelling()
    {
        var verdict = EventPatternJudge.Judge("{\"detail\": {\"eventname\": [\"ConsoleLogin\"]}}", Seed);

        verdict.Kind.ShouldBe(VerdictKind.NeverFires);
        verdict.Explanation.ShouldBe("never fires: CloudTrail records have no field `detail.eventname` (field names are case-sensitive: did you mean `detail.eventName`?)");
    }

    [Fact]
    public void A_rule_that_also_requires_mfa_yes_is_insufficient_and_names_what_it_misses()
    {
        var verdict = EventPatternJudge.Judge("{\"detail\": {\"eventName\": [\"ConsoleLogin\"], \"additionalEventData\": {\"MFAUsed\": [\"Yes\"]}}}", Seed);

        verdict.Kind.ShouldBe(VerdictKind.Insufficient);
        verdict.Missed.ShouldContain("iam-user-no-mfa");
    }

    [Fact]
    public void An_unparseable_rule_pattern_is_a_verdict_with_its_position()
    {
        var verdict = EventPatternJudge.Judge("{\"source\": \"aws.signin\"}", Seed);

        verdict.Kind.ShouldBe(VerdictKind.Unparseable);
        verdict.Error!.Message.ShouldEndWith("(line 1, column 12)");
    }
}
