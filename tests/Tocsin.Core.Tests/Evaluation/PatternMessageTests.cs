using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Tests.Inventory;

namespace Tocsin.Core.Tests.Evaluation;

/// <summary>What a finding says about its filter's pattern: what a passing tuned or broader one drops or adds, and nothing beside what a failing one misses.</summary>
public class PatternMessageTests
{
    private static readonly Control Seed = ControlCatalog.Default.Find("console-signin-without-mfa")!;

    private static Finding EvaluateWithPattern(string pattern)
    {
        var inventory = Samples.Inventory(region => region with { MetricFilters = Samples.List(Samples.MetricFilter(pattern)) });
        return new ChainEvaluator(EvaluationOptions.Default).Evaluate(inventory, inventory.FindAccount(Samples.AccountId)!, Seed);
    }

    [Fact]
    public void A_passing_tuned_pattern_names_the_populations_it_no_longer_alerts_on()
    {
        var finding = EvaluateWithPattern(Seed.AcceptedVariants.Single(v => v.Name == "cis-strict").Pattern);

        finding.Outcome.ShouldBe(Outcome.Pass, finding.Message);
        finding.Message.ShouldContain("; tuned: equals the accepted variant cis-strict; no longer alerts on failed-sign-in (covered by console-auth-failures), identity-center,");
    }

    [Fact]
    public void A_passing_broader_pattern_names_the_populations_it_also_alerts_on()
    {
        var finding = EvaluateWithPattern("{ $.eventName = \"ConsoleLogin\" }");

        finding.Outcome.ShouldBe(Outcome.Pass, finding.Message);
        finding.Message.ShouldContain("; broader: also alerts on iam-user-mfa");
    }

    [Fact]
    public void A_passing_equivalent_pattern_adds_nothing_to_the_message()
    {
        EvaluateWithPattern(Samples.CisPattern).Message.ShouldBe("alerts: alarm console-signin-without-mfa notifies topic security-alarms, which has 1 confirmed subscription");
    }

    [Fact]
    public void A_failing_pattern_says_what_it_misses_without_notes_on_other_controls()
    {
        var finding = EvaluateWithPattern("{ ($.eventname = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }");

        finding.Message.ShouldBe("metric filter console-signin-without-mfa does not catch the control's events: never fires: CloudTrail records have no field `$.eventname` (field names are case-sensitive: did you mean `eventName`?)");
    }

    [Fact]
    public void A_finding_carries_the_judged_pattern_with_the_populations_it_drops()
    {
        var strict = Seed.AcceptedVariants.Single(v => v.Name == "cis-strict").Pattern;

        var judged = EvaluateWithPattern(strict).Pattern!;

        judged.Text.ShouldBe(strict);
        judged.Variant.ShouldBe("cis-strict");
        judged.Missed.ShouldContain("root-no-mfa");
        judged.Extra.ShouldBeEmpty();
    }
}
