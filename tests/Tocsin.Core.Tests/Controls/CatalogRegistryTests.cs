using System.Text.Json;
using Tocsin.Core.Controls;

namespace Tocsin.Core.Tests.Controls;

/// <summary>Checks every catalog entry; adding a control to the catalog adds it to every theory here.</summary>
public class CatalogRegistryTests
{
    private static Control ControlWith(string id) => ControlCatalog.Default.Find(id)!;

    [Theory]
    [MemberData(nameof(CatalogFixture.ControlIds), MemberType = typeof(CatalogFixture))]
    public void Every_control_has_cis_aliases_of_the_shape_framework_colon_item(string id)
    {
        var control = ControlWith(id);
        control.Aliases.ShouldContain(alias => alias.StartsWith("cis-aws-", StringComparison.Ordinal));
        control.Aliases.ShouldAllBe(alias => alias.Contains(':'));
    }

    [Theory]
    [MemberData(nameof(CatalogFixture.ControlIds), MemberType = typeof(CatalogFixture))]
    public void Every_corpus_event_is_a_single_line_cloudtrail_record_as_cloudwatch_logs_receives_it(string id)
    {
        foreach (var corpusEvent in ControlWith(id).Corpus)
        {
            corpusEvent.Message.ShouldNotContain('\n');
            using var parsed = JsonDocument.Parse(corpusEvent.Message);
            parsed.RootElement.GetProperty("eventName").GetString().ShouldNotBeNullOrEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(CatalogFixture.ControlIds), MemberType = typeof(CatalogFixture))]
    public void The_literal_flag_of_every_pattern_says_what_the_regex_check_does_with_its_text(string id)
    {
        var control = ControlWith(id);
        foreach (var reference in control.ReferencePatterns)
        {
            control.LiteralRegex.Accepts(reference.Pattern).ShouldBe(reference.Literal, $"reference {reference.Name}");
        }

        foreach (var variant in control.AcceptedVariants)
        {
            control.LiteralRegex.Accepts(variant.Pattern).ShouldBe(variant.Literal, $"variant {variant.Name}");
        }
    }

    [Theory]
    [MemberData(nameof(CatalogFixture.ControlIds), MemberType = typeof(CatalogFixture))]
    public void Remediation_writes_metrics_to_the_cis_benchmark_namespace(string id)
    {
        ControlWith(id).Remediation.MetricNamespace.ShouldBe("CISBenchmark");
    }

    [Theory]
    [MemberData(nameof(CatalogFixture.ControlIds), MemberType = typeof(CatalogFixture))]
    public void Every_population_a_pattern_may_drop_is_covered_by_a_known_control_or_not_required(string id)
    {
        var control = ControlWith(id);
        var dropped = control.AcceptedVariants.SelectMany(variant => variant.Drops)
            .Concat(control.ReferencePatterns.SelectMany(reference => reference.Drops));
        foreach (var name in dropped)
        {
            var population = control.FindPopulation(name)!;
            population.Required.ShouldBeFalse();
            if (population.CoveredBy is not null)
            {
                ControlCatalog.Default.Find(population.CoveredBy).ShouldNotBeNull();
            }
        }
    }
}
