using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Tests.Inventory;

namespace Tocsin.Core.Tests.Evaluation;

/// <summary>A pattern that passes without being equivalent says, in the finding, what it drops or adds.</summary>
public class PassingPatternMessageTests
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
}
