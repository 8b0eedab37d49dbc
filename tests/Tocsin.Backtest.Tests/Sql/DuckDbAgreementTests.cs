using Tocsin.Backtest.Sql;
using System.Text.Json;
using CsCheck;
using Tocsin.Core.Controls;
using Tocsin.Core.Patterns.Parsing;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Backtest.Tests.Sql;

public sealed class DuckDbAgreementTests : IDisposable
{
    private readonly DuckDbRecords _records = new(TestRecords.All);

    public void Dispose() => _records.Dispose();

    [Fact]
    public void Every_catalog_reference_and_accepted_variant_selects_in_DuckDB_exactly_the_records_the_matcher_matches()
    {
        var agreement = new SqlAgreement(_records);
        var texts = ControlCatalog.Default.All
            .SelectMany(control => control.ReferencePatterns.Select(reference => reference.Pattern)
                .Concat(control.AcceptedVariants.Select(variant => variant.Pattern)))
            .ToList();

        var disagreements = texts.Select(text => agreement.Disagreement(Parse(text))).OfType<string>().ToList();

        disagreements.ShouldBeEmpty();
        agreement.Refusals.ShouldBeEmpty();
        agreement.Compared.ShouldBe(texts.Count);
    }

    [Fact]
    public void Every_JSON_pattern_of_the_conformance_cases_selects_in_DuckDB_what_the_matcher_matches_or_is_refused_for_an_explained_reason()
    {
        var agreement = new SqlAgreement(_records);
        var patterns = File.ReadLines(RepositoryFiles.ConformanceCases)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("pattern").GetString()!)
            .Distinct(StringComparer.Ordinal)
            .Select(PatternParser.Parse)
            .Where(result => result.Pattern is JsonPattern)
            .Select(result => result.Pattern!)
            .ToList();

        var disagreements = patterns.Select(agreement.Disagreement).OfType<string>().ToList();

        disagreements.ShouldBeEmpty();
        agreement.Refusals.Keys.ShouldBeSubsetOf(["regex value", "text that could match a number as written"]);
        agreement.Compared.ShouldBeGreaterThan(patterns.Count * 4 / 5);
    }

    [Fact]
    public void Generated_JSON_patterns_select_in_DuckDB_what_the_matcher_matches_and_few_are_refused()
    {
        var agreement = new SqlAgreement(_records);
        var unparsed = new List<string>();

        GeneratedPatterns.Pattern(TestRecords.All).Sample(text =>
        {
            var result = PatternParser.Parse(text);
            if (result.Pattern is null)
            {
                unparsed.Add(result.Error!.Message);
                return;
            }

            agreement.Disagreement(result.Pattern).ShouldBeNull();
        }, iter: 2000, threads: 1, seed: "0N0XIzNsQ0O2");

        var refusedShare = (double)agreement.RefusalCount / (agreement.RefusalCount + agreement.Compared);
        // The seed fixes the sample, but not every run draws the same one (one CI run refused 5.2%, others under 5%):
        // "few" is bounded at 6%, and each refusal must be the one kind the dialect cannot express (below).
        refusedShare.ShouldBeLessThan(0.06, string.Join(", ", agreement.Refusals.Select(kind => $"{kind.Key}: {kind.Value}")));
        agreement.Refusals.Keys.ShouldBeSubsetOf(["text that could match a number as written"]);
        unparsed.ShouldAllBe(error => error.Contains("at most 3 wildcard selectors"), "only CloudWatch's quota on wildcard selectors rejects a generated pattern");
    }

    [Fact]
    public void The_empty_pattern_selects_every_record()
    {
        _records.Selected(PatternSql.Compile(Parse(""), SqlDialect.DuckDb)).Count.ShouldBe(TestRecords.All.Count);
    }

    internal static FilterPattern Parse(string text)
    {
        var result = PatternParser.Parse(text);
        return result.Pattern ?? throw new InvalidOperationException($"{text}: {result.Error}");
    }
}
