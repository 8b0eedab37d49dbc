using CsCheck;
using System.Text;
using Tocsin.Core.Patterns.Matching;
using static Tocsin.Core.Tests.Patterns.Matching.Build;

namespace Tocsin.Core.Tests.Patterns.Matching;

public class PatternSetReadTests
{
    private static readonly PatternMatcher SignIn = Matcher(Json(Eq("$.eventName", Bare("ConsoleLogin"))));

    private static string Captured(PatternSetRead read, int slot, string message) =>
        read.Captured[slot].State switch
        {
            CaptureState.Found => Encoding.UTF8.GetString(read.Captured[slot].In(Encoding.UTF8.GetBytes(message))),
            var state => state.ToString(),
        };

    [Fact]
    public void Reading_an_event_for_its_patterns_captures_the_last_string_each_capture_selector_reaches()
    {
        var set = new PatternMatcherSet([SignIn], [Selector("$.userIdentity.arn"), Selector("$.awsRegion"), Selector("$.sourceIPAddress")], []);
        var read = set.NewRead();
        const string message = """{"awsRegion":"eu-west-1","eventName":"ConsoleLogin","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::1:user/é"},"awsRegion":7,"awsRegion":"us-east-1"}""";
        set.Match(Encoding.UTF8.GetBytes(message), new bool[1], read).ShouldBe(1);
        read.WasRead.ShouldBeTrue();
        Captured(read, 0, message).ShouldBe("arn:aws:iam::1:user/é");
        Captured(read, 1, message).ShouldBe("us-east-1"); // the number between is not a string: the last string stands
        Captured(read, 2, message).ShouldBe(nameof(CaptureState.Absent));
    }

    [Fact]
    public void A_captured_value_written_with_escapes_is_marked_escaped_for_a_JSON_reader_to_spell()
    {
        var set = new PatternMatcherSet([SignIn], [Selector("$.sourceIPAddress")], []);
        var read = set.NewRead();
        set.Match("""{"eventName":"ConsoleLogin","sourceIPAddress":"203.0.113.\u0037"}"""u8, new bool[1], read);
        read.Captured[0].State.ShouldBe(CaptureState.Escaped);
    }

    [Theory]
    [InlineData("""{"eventName":"CreateTrail","awsRegion":"eu-west-1"}""")] // no pattern needs the read: the texts rule it out
    [InlineData("""{"eventName":"ConsoleLogin","awsRegion":"eu-west-1",""")] // not valid JSON
    [InlineData("""ConsoleLogin "awsRegion":"eu-west-1" """)] // not JSON at all
    public void An_event_not_read_as_valid_JSON_tells_no_capture_and_no_rider(string message)
    {
        var set = new PatternMatcherSet([SignIn], [Selector("$.awsRegion")], [(SignIn, [0])]);
        var read = set.NewRead();
        set.Match(Encoding.UTF8.GetBytes(message), new bool[1], read).ShouldBe(0);
        read.WasRead.ShouldBeFalse();
        read.Captured[0].State.ShouldBe(CaptureState.NotRead);
        set.FirstRider(read, 0, 1).ShouldBeNull();
    }

    [Fact]
    public void A_read_remembers_only_its_last_event()
    {
        var set = new PatternMatcherSet([SignIn], [Selector("$.awsRegion")], []);
        var read = set.NewRead();
        set.Match("""{"eventName":"ConsoleLogin","awsRegion":"eu-west-1"}"""u8, new bool[1], read);
        set.Match("""{"eventName":"StopLogging","awsRegion":"eu-west-1"}"""u8, new bool[1], read);
        read.WasRead.ShouldBeFalse();
        read.Captured[0].State.ShouldBe(CaptureState.NotRead);
    }

    [Fact]
    public void The_first_rider_told_from_a_set_s_read_is_the_first_one_each_rider_alone_says_matches()
    {
        var reads = 0;
        Gen.Int.Sample(
            seed =>
            {
                var random = new Random(seed);
                var cases = Enumerable.Range(0, 8).Select(_ => RandomJsonCases.Next(random)).ToList();
                var matchers = cases.Take(4).Select(c => PatternMatcher.Compile(c.Pattern)).ToList();
                var riders = cases.Skip(4).Select(c => PatternMatcher.Compile(c.Pattern)).ToList();
                var set = new PatternMatcherSet(matchers, [], [.. riders.Select(rider => (rider, (IReadOnlyList<int>)[0, 1, 2, 3]))]);
                var read = set.NewRead();
                var outcomes = new bool[matchers.Count];
                foreach (var (message, _) in cases)
                {
                    var bytes = Encoding.UTF8.GetBytes(message);
                    set.Match(bytes, outcomes, read);
                    outcomes.ShouldBe(matchers.Select(m => m.Matches(bytes)).ToArray(), message);
                    if (!read.WasRead)
                        continue;
                    Interlocked.Increment(ref reads);
                    set.FirstRider(read, 0, 4).ShouldBe(riders.FindIndex(m => m.Matches(bytes)), message);
                    set.FirstRider(read, 2, 2).ShouldBe(riders.Skip(2).ToList().FindIndex(m => m.Matches(bytes)), message);
                }
            },
            iter: 2_000);
        reads.ShouldBeGreaterThan(1_000); // the property was tested on events the set read, not only skipped
    }

    [Fact]
    public void A_rider_is_not_told_from_a_read_none_of_the_patterns_it_rides_with_could_match()
    {
        var trail = Matcher(Json(Eq("$.eventName", Bare("CreateTrail"))));
        var root = Matcher(Json(Eq("$.userIdentity.type", Bare("Root"))));
        var set = new PatternMatcherSet([SignIn, trail], [], [(root, [1])]);
        var read = set.NewRead();
        set.Match("""{"eventName":"ConsoleLogin","userIdentity":{"type":"Root"}}"""u8, new bool[2], read).ShouldBe(1);
        read.WasRead.ShouldBeTrue();
        set.FirstRider(read, 0, 1).ShouldBeNull(); // it rides with CreateTrail, which the event's name ruled out

        set.Match("""{"eventName":"CreateTrail","userIdentity":{"type":"Root"}}"""u8, new bool[2], read).ShouldBe(1);
        set.FirstRider(read, 0, 1).ShouldBe(0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_set_of_more_than_64_patterns_with_one_JSON_pattern_reads_for_a_read_too(bool capturing)
    {
        var set = new PatternMatcherSet([.. Enumerable.Range(0, 64).Select(i => Matcher(Terms($"word{i}"))), SignIn], capturing ? [Selector("$.awsRegion")] : [], []);
        var read = set.NewRead();
        var outcomes = new bool[65];
        const string message = """{"eventName":"ConsoleLogin","awsRegion":"eu-west-1","note":"word7"}""";
        set.Match(Encoding.UTF8.GetBytes(message), outcomes, read).ShouldBe(2);
        outcomes[7].ShouldBeTrue();
        outcomes[64].ShouldBeTrue();
        read.WasRead.ShouldBeTrue();
        if (capturing)
            Captured(read, 0, message).ShouldBe("eu-west-1");
    }

    [Fact]
    public void A_rider_must_be_a_JSON_pattern() =>
        Should.Throw<ArgumentException>(() => new PatternMatcherSet([SignIn], [], [(Matcher(Terms("ConsoleLogin")), [0])]));

    [Fact]
    public void A_read_made_by_another_set_is_refused()
    {
        var set = new PatternMatcherSet([SignIn], [Selector("$.a")], [(SignIn, [0])]);
        var other = new PatternMatcherSet([SignIn], [Selector("$.a")], [(SignIn, [0])]).NewRead();
        Should.Throw<ArgumentException>(() => set.Match("{}"u8, new bool[1], other));
        Should.Throw<ArgumentException>(() => set.FirstRider(other, 0, 1));
    }
}
