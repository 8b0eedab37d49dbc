using Tocsin.Core.Controls;
using Tocsin.Core.EventPatterns;
using Tocsin.Core.Inventory;
using Tocsin.Core.Patterns.Verdicts;
using Tocsin.Remediation.EventBridge;

namespace Tocsin.Remediation.Tests.EventBridge;

/// <summary>Every rule Tocsin deploys is judged, by the same judge as a metric filter, to catch all the control catches.</summary>
public sealed class EventRulePatternsTests
{
    public static TheoryData<string> Supported() => [.. EventRulePatterns.Supported];

    [Theory]
    [MemberData(nameof(Supported))]
    public void The_deployed_rule_pattern_is_judged_equivalent_or_broader_for_its_control(string controlId)
    {
        var control = ControlCatalog.Default.Find(controlId)!;
        var verdict = EventPatternJudge.Judge(EventRulePatterns.For(controlId)!.Pattern, control);

        verdict.Kind.ShouldBeOneOf([VerdictKind.Equivalent, VerdictKind.Broader], $"{controlId}: {verdict.Explanation}");
    }

    [Fact]
    public void The_sign_in_rule_is_the_documented_pattern_with_anything_but_yes()
    {
        EventRulePatterns.For("console-signin-without-mfa")!.Pattern.ShouldBe(
            """{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"],"detail":{"eventName":["ConsoleLogin"],"additionalEventData":{"MFAUsed":[{"anything-but":"Yes"}]}}}""");
    }

    [Fact]
    public void Every_catalog_control_has_an_EventBridge_rule()
    {
        ControlCatalog.Default.All.Select(c => c.Id).Where(id => EventRulePatterns.For(id) is null).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("root-account-usage", EventRuleState.EnabledWithAllCloudTrailManagementEvents)]
    [InlineData("unauthorized-api-calls", EventRuleState.EnabledWithAllCloudTrailManagementEvents)]
    [InlineData("console-signin-without-mfa", EventRuleState.Enabled)]
    [InlineData("iam-policy-changes", EventRuleState.Enabled)]
    public void Rules_whose_events_include_read_only_calls_are_deployed_in_the_state_that_hears_them(string controlId, EventRuleState state)
    {
        EventRulePatterns.For(controlId)!.State.ShouldBe(state);
    }
}
