using System.Text;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Parsing;
using Tocsin.Fuzz.Tests.Harness;
using Tocsin.Fuzz.Tests.Patterns.Reference;

namespace Tocsin.Fuzz.Tests.Patterns;

[Collection(FuzzCollection.Name)]
public class PatternFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] PatternTokens =
    [
        "$.", "$.a", "$.*", "[*]", "[0]", "['x.y']", " = ", " != ", " < ", " >= ", " IS NULL", " IS TRUE", " NOT EXISTS", " && ", " || ", "(", ")",
        "\"", "%", "*", "...", ",", "?", "-", "{", "}", "[", "]", "\\", "1e999", "99999999999", "'",
    ];

    [Fact]
    public void Every_pattern_is_parsed_or_refused_with_a_column_and_matching_agrees_with_the_reference_evaluator()
    {
        var tally = new Tally();
        var target = new FuzzTarget<PatternCase>(
            "pattern parser and matcher",
            Generate,
            input => (input.Pattern.Length + input.Event.Length) * 2L,
            input => input.ToString(),
            input => Check(input, tally));

        var count = FuzzCampaign.Run(target, output);

        output.WriteLine($"agreed on {tally.Matched:N0} matches and {tally.NotMatched:N0} non-matches; refused {tally.Refused:N0} patterns; " +
                         $"{tally.Undecided:N0} events the reference could not decide; {tally.AcceptedOnlyByReference:N0} mutated patterns only the reference accepted, " +
                         $"{tally.AcceptedOnlyByTocsin:N0} only Tocsin");
        count.ShouldBeGreaterThan(0);
        if (count > 2000)
        {
            // Agreement proves little unless both outcomes come up often.
            tally.Matched.ShouldBeGreaterThan(count / 50);
            tally.NotMatched.ShouldBeGreaterThan(count / 50);
        }
    }

    internal static PatternCase Generate(Random random)
    {
        var kind = random.Next(100);
        if (kind < 40)
        {
            var message = random.Next(10) switch
            {
                0 => JsonEvents.Value(random, depth: 1),
                1 => Mutations.Mutate(random, JsonEvents.Object(random), PatternTokens),
                _ => JsonEvents.Object(random),
            };
            return new PatternCase(GrammarPatterns.Json(random), message, FromGrammar: true);
        }

        if (kind < 58)
            return new PatternCase(GrammarPatterns.Terms(random), random.Next(4) == 0 ? JsonEvents.Object(random) : GrammarPatterns.Text(random), FromGrammar: true);
        if (kind < 61)
            return new PatternCase(GrammarPatterns.Regex(random), GrammarPatterns.Text(random), FromGrammar: true);
        if (kind < 73)
            return new PatternCase(GrammarPatterns.Delimited(random), GrammarPatterns.DelimitedEvent(random), FromGrammar: true);

        var seed = random.Next(5) switch
        {
            0 => PatternCorpus.Patterns[random.Next(PatternCorpus.Patterns.Count)],
            1 => GrammarPatterns.Terms(random),
            2 => GrammarPatterns.Delimited(random),
            _ => GrammarPatterns.Json(random),
        };
        var @event = random.Next(3) switch
        {
            0 => PatternCorpus.Events[random.Next(PatternCorpus.Events.Count)],
            1 => GrammarPatterns.DelimitedEvent(random),
            _ => JsonEvents.Object(random),
        };
        return new PatternCase(Mutations.Mutate(random, seed, PatternTokens), random.Next(4) == 0 ? Mutations.Mutate(random, @event, PatternTokens) : @event, FromGrammar: false);
    }

    private static void Check(PatternCase input, Tally tally)
    {
        var parsed = PatternParser.Parse(input.Pattern);
        var reference = ReferenceParser.Parse(input.Pattern);
        if (!parsed.Succeeded)
        {
            var error = parsed.Error!;
            error.Column.ShouldBeInRange(1, input.Pattern.Length + 1, $"the refusal \"{error.Message}\" names a column outside the pattern");
            error.Message.ShouldNotBeNullOrWhiteSpace();
            tally.Refused++;
            if (reference is not null)
            {
                input.FromGrammar.ShouldBeFalse($"Tocsin refused a pattern of the grammar that the reference accepts: {error.Message}");
                tally.AcceptedOnlyByReference++;
            }

            return;
        }

        var matcher = PatternMatcher.Compile(parsed.Pattern!);
        var matches = matcher.Matches(input.Event);
        _ = matcher.ExtractedValues(input.Event);
        if (!HasLoneSurrogate(input.Event))
            matcher.Matches(Encoding.UTF8.GetBytes(input.Event)).ShouldBe(matches, "the event as text and as UTF-8 bytes give different outcomes");

        if (reference is null)
        {
            if (input.FromGrammar && input.Pattern[0] != '[')
                throw new InvalidOperationException("the reference refused a pattern of the grammar; the reference parser is wrong");
            if (input.Pattern[0] != '[')
                tally.AcceptedOnlyByTocsin++;
            return;
        }

        switch (ReferenceMatcher.Matches(reference, input.Event))
        {
            case null:
                tally.Undecided++;
                break;
            case var expected:
                matches.ShouldBe(expected.Value, "Tocsin's matcher and the reference evaluator disagree");
                if (matches)
                    tally.Matched++;
                else
                    tally.NotMatched++;
                break;
        }
    }

    private static bool HasLoneSurrogate(string text) => !Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)).Equals(text, StringComparison.Ordinal);

    private sealed class Tally
    {
        public long Matched { get; set; }

        public long NotMatched { get; set; }

        public long Refused { get; set; }

        public long Undecided { get; set; }

        public long AcceptedOnlyByReference { get; set; }

        public long AcceptedOnlyByTocsin { get; set; }
    }
}
