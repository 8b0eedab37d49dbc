using CsCheck;
using System.Text;
using Tocsin.Core.Patterns.Matching;
using static Tocsin.Core.Tests.Patterns.Matching.Build;

namespace Tocsin.Core.Tests.Patterns.Matching;

public class PatternMatcherSetTests
{
    [Fact]
    public void A_set_reports_for_each_pattern_what_that_pattern_alone_reports() =>
        Gen.Int.Sample(
            seed =>
            {
                var random = new Random(seed);
                var cases = Enumerable.Range(0, 6).Select(_ => RandomJsonCases.Next(random)).ToList();
                var matchers = cases.Select(c => PatternMatcher.Compile(c.Pattern)).ToList();
                var set = new PatternMatcherSet(matchers);
                var outcomes = new bool[matchers.Count];
                foreach (var (message, _) in cases)
                {
                    var bytes = Encoding.UTF8.GetBytes(message);
                    set.Match(bytes, outcomes);
                    outcomes.ShouldBe(matchers.Select(m => m.Matches(bytes)).ToArray(), message);
                }
            },
            iter: 3_000);

    [Fact]
    public void The_first_matching_pattern_of_a_set_is_the_first_one_each_pattern_alone_says_matches() =>
        Gen.Int.Sample(
            seed =>
            {
                var random = new Random(seed);
                var cases = Enumerable.Range(0, 6).Select(_ => RandomJsonCases.Next(random)).ToList();
                var matchers = cases.Select(c => PatternMatcher.Compile(c.Pattern)).ToList();
                var set = new PatternMatcherSet(matchers);
                foreach (var (message, _) in cases)
                {
                    var bytes = Encoding.UTF8.GetBytes(message);
                    set.FirstMatch(bytes).ShouldBe(matchers.FindIndex(m => m.Matches(bytes)), message);
                }
            },
            iter: 3_000);

    [Fact]
    public void Patterns_sharing_a_key_each_see_their_own_value()
    {
        var set = new PatternMatcherSet([
            Matcher(Json(Eq("$.eventName", Bare("ConsoleLogin")))),
            Matcher(Json(Or(Eq("$.eventName", Bare("CreateTrail")), Eq("$.eventName", Bare("StopLogging"))))),
            Matcher(Terms("StopLogging")),
        ]);
        var outcomes = new bool[3];
        set.Match("{\"eventName\":\"StopLogging\"}"u8, outcomes).ShouldBe(2);
        outcomes.ShouldBe([false, true, true]);
    }

    [Fact]
    public void The_catalog_s_patterns_together_rule_records_out_by_their_texts_and_report_what_each_alone_reports()
    {
        var patterns = Tocsin.Core.Controls.ControlCatalog.Default.All
            .SelectMany(c => c.ReferencePatterns.Select(r => r.Pattern).Concat(c.AcceptedVariants.Select(v => v.Pattern)))
            .Select(p => PatternMatcher.Compile(Tocsin.Core.Patterns.Parsing.PatternParser.Parse(p).Pattern!))
            .ToList();
        var set = new PatternMatcherSet(patterns);
        set.HasAnchorSearch.ShouldBeTrue();
        var records = Tocsin.Core.Controls.ControlCatalog.Default.All.SelectMany(c => c.Corpus).Select(e => System.Text.Json.JsonSerializer.Serialize(e.Event)).ToList();
        Gen.Int[0, records.Count - 1].Select(Gen.Int[0, 5]).Sample(
            pick =>
            {
                var record = records[pick.Item1];
                // The same record written in ways the search must see through: spaces around the colon, the event
                // name escaped, a nested eventName, or the key escaped.
                var message = pick.Item2 switch
                {
                    1 => record.Replace("\"eventName\":", "\"eventName\" : ", StringComparison.Ordinal),
                    2 => record.Replace("\"eventName\":\"C", "\"eventName\":\"\\u0043", StringComparison.Ordinal),
                    3 => record.Replace("\"eventName\":", "\"x\":{\"eventName\":\"Other\"},\"eventName\":", StringComparison.Ordinal),
                    4 => record.Replace("\"eventName\"", "\"event\\u004eame\"", StringComparison.Ordinal),
                    _ => record,
                };
                var bytes = Encoding.UTF8.GetBytes(message);
                var outcomes = new bool[patterns.Count];
                set.Match(bytes, outcomes);
                outcomes.ShouldBe(patterns.Select(m => m.Matches(bytes)).ToArray(), message);
            },
            iter: 3_000);
    }

    [Fact]
    public void A_set_whose_events_pick_more_sets_of_candidates_than_it_keeps_groups_for_still_reports_what_each_alone_reports()
    {
        // Twenty patterns on twenty event names, and records naming three of them each (duplicate keys): over a thousand
        // sets of candidates, far past the groups a set keeps, so the whole set's group reads the rest.
        var names = Enumerable.Range(0, 20).Select(i => $"Event{i}").ToArray();
        var patterns = names.Select((name, i) => Matcher(Json(And(Eq("$.eventName", Bare(name)), Eq("$.n", Num($"{i % 3}")))))).ToList();
        var set = new PatternMatcherSet(patterns);
        Gen.Int[0, 19].Array[3].Select(Gen.Int[0, 2]).Sample(
            pick =>
            {
                var (chosen, n) = pick;
                var message = "{" + string.Join(',', chosen.Select(i => $"\"eventName\":\"{names[i]}\"")) + $",\"n\":{n}}}";
                var bytes = Encoding.UTF8.GetBytes(message);
                var outcomes = new bool[patterns.Count];
                set.Match(bytes, outcomes);
                outcomes.ShouldBe(patterns.Select(m => m.Matches(bytes)).ToArray(), message);
            },
            iter: 3_000);
    }

    [Fact]
    public void A_set_needs_room_for_every_outcome() =>
        Should.Throw<ArgumentException>(() => new PatternMatcherSet([Matcher(Seed())]).Match("{}"u8, Span<bool>.Empty));
}
