using Tocsin.Core.Controls;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Parsing;

namespace Tocsin.Core.Tests.Controls;

/// <summary>
/// Every published pattern of every control, run through Tocsin's own parser and matcher over the control's corpus:
/// the corpus labels say what AWS really does, so a wrong label or a wrong matcher fails here.
/// </summary>
public class CatalogPatternTests
{
    private static Control ControlWith(string id) => ControlCatalog.Default.Find(id)!;

    private static PatternMatcher Compile(string control, string name, string text)
    {
        var parsed = PatternParser.Parse(text);
        parsed.Succeeded.ShouldBeTrue($"{control} {name}: {parsed.Error}");
        return PatternMatcher.Compile(parsed.Pattern!);
    }

    private static IEnumerable<string> Disagreements(Control control, string name, string text, IReadOnlyCollection<string> drops)
    {
        var matcher = Compile(control.Id, name, text);
        for (var index = 0; index < control.Corpus.Count; index++)
        {
            var corpusEvent = control.Corpus[index];
            var expected = Control.AlertsWithout(corpusEvent, drops);
            if (matcher.Matches(corpusEvent.Message) != expected)
            {
                yield return $"{name}: corpus[{index}] ({corpusEvent.Population}: {corpusEvent.Description}) should {(expected ? "alert" : "not alert")}";
            }
        }
    }

    [Theory]
    [MemberData(nameof(CatalogFixture.ControlIds), MemberType = typeof(CatalogFixture))]
    public void Every_reference_pattern_alerts_on_exactly_the_corpus_events_labelled_alerting_for_it(string id)
    {
        var control = ControlWith(id);
        var disagreements = control.ReferencePatterns
            .SelectMany(reference => Disagreements(control, reference.Name, reference.Pattern, reference.Drops))
            .ToList();
        disagreements.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(CatalogFixture.ControlIds), MemberType = typeof(CatalogFixture))]
    public void Every_accepted_variant_misses_exactly_the_populations_it_says_it_drops(string id)
    {
        var control = ControlWith(id);
        var disagreements = control.AcceptedVariants
            .SelectMany(variant => Disagreements(control, variant.Name, variant.Pattern, variant.Drops))
            .ToList();
        disagreements.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(CatalogFixture.ControlIds), MemberType = typeof(CatalogFixture))]
    public void Every_accepted_variant_still_alerts_on_every_required_population(string id)
    {
        var control = ControlWith(id);
        foreach (var variant in control.AcceptedVariants)
        {
            var matcher = Compile(control.Id, variant.Name, variant.Pattern);
            foreach (var required in control.RequiredPopulations)
            {
                control.Corpus.Where(corpusEvent => corpusEvent.Population == required.Name && corpusEvent.Alerts)
                    .ShouldAllBe(corpusEvent => matcher.Matches(corpusEvent.Message), $"{variant.Name} / {required.Name}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CatalogFixture.ControlIds), MemberType = typeof(CatalogFixture))]
    public void A_population_said_to_be_covered_by_another_control_is_caught_by_that_controls_cis_pattern(string id)
    {
        var control = ControlWith(id);
        foreach (var population in control.Populations.Where(population => population.CoveredBy is not null))
        {
            var covering = ControlWith(population.CoveredBy!);
            var matcher = Compile(covering.Id, covering.PrimaryReference.Name, covering.PrimaryReference.Pattern);
            control.Corpus.Where(corpusEvent => corpusEvent.Population == population.Name && corpusEvent.Alerts)
                .ShouldAllBe(corpusEvent => matcher.Matches(corpusEvent.Message), $"{population.Name} by {covering.Id}");
        }
    }

    [Fact]
    public void The_cis_seed_pattern_does_not_alert_on_a_sign_in_record_without_mfa_used()
    {
        var seed = ControlWith("console-signin-without-mfa");
        var matcher = Compile(seed.Id, "cis", seed.PrimaryReference.Pattern);
        var missing = seed.Corpus.Where(corpusEvent => corpusEvent.Population == "mfa-field-missing").ToList();

        missing.ShouldNotBeEmpty();
        missing.ShouldAllBe(corpusEvent => !matcher.Matches(corpusEvent.Message));
    }

    [Fact]
    public void The_cis_strict_seed_variant_drops_root_sign_ins_which_the_root_usage_control_covers()
    {
        var seed = ControlWith("console-signin-without-mfa");
        var strict = seed.AcceptedVariants.Single(variant => variant.Name == "cis-strict");

        strict.Drops.ShouldContain("root-no-mfa");
        seed.FindPopulation("root-no-mfa")!.CoveredBy.ShouldBe("root-account-usage");
        var rootUsage = ControlWith("root-account-usage");
        var rootMatcher = Compile(rootUsage.Id, "cis", rootUsage.PrimaryReference.Pattern);
        seed.Corpus.Where(corpusEvent => corpusEvent.Population == "root-no-mfa")
            .ShouldAllBe(corpusEvent => rootMatcher.Matches(corpusEvent.Message));
    }

    [Fact]
    public void The_seed_remediation_deploys_the_cis_pattern()
    {
        var seed = ControlWith("console-signin-without-mfa");
        seed.Remediation.Pattern.ShouldBe("{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }");
    }
}
