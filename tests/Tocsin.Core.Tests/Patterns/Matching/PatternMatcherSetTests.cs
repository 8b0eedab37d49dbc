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
    public void A_set_needs_room_for_every_outcome() =>
        Should.Throw<ArgumentException>(() => new PatternMatcherSet([Matcher(Seed())]).Match("{}"u8, Span<bool>.Empty));
}
