using System.Text;
using System.Text.Json;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Parsing;
using Tocsin.Core.Patterns.Syntax;
using Tocsin.Fuzz.Tests.Harness;

namespace Tocsin.Fuzz.Tests.Patterns;

/// <summary>One input of the pattern set target: patterns read together, riders carried along, and events.</summary>
public sealed record PatternSetCase(IReadOnlyList<string> Patterns, IReadOnlyList<(string Pattern, int[] With)> Riders, IReadOnlyList<string> Events)
{
    public override string ToString() =>
        $"patterns {string.Join(" | ", Patterns.Select(Printable.Text))}; riders {string.Join(" | ", Riders.Select(r => $"{Printable.Text(r.Pattern)} with [{string.Join(',', r.With)}]"))}; " +
        $"events {string.Join(" | ", Events.Select(Printable.Text))}";
}

[Collection(FuzzCollection.Name)]
public class PatternSetFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] CapturedKeys = ["a", "eventName", "n", "type"];

    private static readonly JsonSelector[] Captures = [.. CapturedKeys.Select(key => new JsonSelector("$." + key, [new PropertyStep(key)]))];

    [Fact]
    public void A_set_s_one_read_tells_each_pattern_each_rider_and_each_capture_what_reading_alone_tells()
    {
        long reads = 0, ridersTold = 0, found = 0;
        var target = new FuzzTarget<PatternSetCase>(
            "pattern set with riders and captures",
            Generate,
            input => input.Patterns.Sum(p => (long)p.Length) + input.Events.Sum(e => (long)e.Length),
            input => input.ToString(),
            input => Check(input, ref reads, ref ridersTold, ref found));

        var count = FuzzCampaign.Run(target, output);

        output.WriteLine($"{reads:N0} events read as JSON by a set, {ridersTold:N0} rider answers and {found:N0} captured strings checked");
        count.ShouldBeGreaterThan(0);
        if (count > 500)
        {
            // The properties prove little unless the set read events, told riders and captured strings often.
            reads.ShouldBeGreaterThan(count / 4);
            ridersTold.ShouldBeGreaterThan(count / 4);
            found.ShouldBeGreaterThan(count / 20);
        }
    }

    private static PatternSetCase Generate(Random random)
    {
        var patterns = Enumerable.Range(0, random.Next(1, 8)).Select(_ => GrammarPatterns.Json(random)).ToList();
        var riders = Enumerable.Range(0, random.Next(1, 5))
            .Select(_ => (GrammarPatterns.Json(random), Enumerable.Range(0, patterns.Count).Where(_ => random.Next(2) == 0).ToArray()))
            .ToList();
        var events = Enumerable.Range(0, 6).Select(_ => random.Next(8) == 0 ? JsonEvents.Value(random, depth: 1) : JsonEvents.Object(random)).ToList();
        return new PatternSetCase(patterns, riders, events);
    }

    private static void Check(PatternSetCase input, ref long reads, ref long ridersTold, ref long found)
    {
        var matchers = input.Patterns.Select(Compile).ToList();
        var riders = input.Riders.Select(r => (Pattern: Compile(r.Pattern), With: (IReadOnlyList<int>)r.With)).ToList();
        var set = new PatternMatcherSet(matchers, Captures, riders);
        var read = set.NewRead();
        var outcomes = new bool[matchers.Count];
        foreach (var text in input.Events)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            var expected = matchers.Select(m => m.Matches(bytes)).ToArray();
            set.Match(bytes, outcomes, read).ShouldBe(expected.Count(m => m), text);
            outcomes.ShouldBe(expected, text);
            if (!read.WasRead)
            {
                read.Captured.ToArray().ShouldAllBe(c => c.State == CaptureState.NotRead);
                continue;
            }

            reads++;
            for (var r = 0; r < riders.Count; r++)
            {
                var told = set.FirstRider(read, r, 1);
                if (riders[r].With.Any(i => expected[i]))
                    told.ShouldNotBeNull($"rider {r} rides with a pattern that matched {text}, so it was read with it");
                if (told is { } first)
                {
                    ridersTold++;
                    first.ShouldBe(riders[r].Pattern.Matches(bytes) ? 0 : -1, $"rider {r} on {text}");
                }
            }

            for (var slot = 0; slot < Captures.Length; slot++)
            {
                var (state, raw) = LastString(bytes, CapturedKeys[slot]);
                read.Captured[slot].State.ShouldBe(state, $"{Captures[slot]} of {text}");
                if (state == CaptureState.Found)
                {
                    found++;
                    read.Captured[slot].In(bytes).ToArray().ShouldBe(raw, $"{Captures[slot]} of {text}");
                }
            }
        }
    }

    private static PatternMatcher Compile(string pattern) => PatternMatcher.Compile(PatternParser.Parse(pattern).Pattern!);

    /// <summary>The last string a top-level key holds in an object event, as written between its quotes.</summary>
    private static (CaptureState State, byte[] Raw) LastString(byte[] message, string key)
    {
        var reader = new Utf8JsonReader(message, new JsonReaderOptions { MaxDepth = UnsettledSemantics.MaxJsonDepth });
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
            return (CaptureState.Absent, []);
        var last = (State: CaptureState.Absent, Raw: Array.Empty<byte>());
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var matches = reader.ValueTextEquals(key);
            reader.Read();
            if (matches && reader.TokenType == JsonTokenType.String)
                last = reader.ValueIsEscaped ? (CaptureState.Escaped, []) : (CaptureState.Found, reader.ValueSpan.ToArray());
            else
                reader.Skip();
        }

        return last;
    }
}
