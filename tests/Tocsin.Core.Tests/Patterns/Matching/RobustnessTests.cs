using System.Text;
using Tocsin.Core.Patterns.Syntax;
using static Tocsin.Core.Tests.Patterns.Matching.Build;

namespace Tocsin.Core.Tests.Patterns.Matching;

public class RobustnessTests
{
    private readonly Tocsin.Core.Patterns.Matching.PatternMatcher _seed = Matcher(Seed());
    private readonly Tocsin.Core.Patterns.Matching.PatternMatcher _notExists = Matcher(Json(Cmp("$.x", ComparisonOperator.NotExists)));

    [Theory]
    [InlineData("{\"eventName\":\"ConsoleLogin\",\"additionalEventData\":{\"MFAUsed\":\"No\"}")]
    [InlineData("{\"eventName\":\"ConsoleLogin\",\"additionalEventData\":{\"MFAUsed\":\"No\"}}}")]
    [InlineData("{\"eventName\":\"ConsoleLogin\",\"additionalEventData\":{\"MFAUsed\":\"No\"}} trailing")]
    [InlineData("{\"eventName\":\"ConsoleLogin\",,\"additionalEventData\":{\"MFAUsed\":\"No\"}}")]
    [InlineData("{\"eventName\":\"ConsoleLogin\",\"additionalEventData\":{\"MFAUsed\":No}}")]
    [InlineData("{'eventName':'ConsoleLogin','additionalEventData':{'MFAUsed':'No'}}")]
    [InlineData("{\"eventName\":\"ConsoleLogin\",\"additionalEventData\":{\"MFAUsed\":\"No\\q\"}}")]
    public void Malformed_json_never_matches_a_json_pattern(string message) => _seed.Matches(message).ShouldBeFalse();

    [Fact]
    public void Malformed_json_does_not_satisfy_not_exists() => _notExists.Matches("{\"a\":").ShouldBeFalse();

    [Fact]
    public void Empty_and_whitespace_messages_do_not_match_json_patterns() =>
        (_notExists.Matches("") || _notExists.Matches("   ")).ShouldBeFalse();

    [Fact]
    public void Invalid_utf8_does_not_throw_or_match()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"eventName\":\"ConsoleLogin\",\"additionalEventData\":{\"MFAUsed\":\"N\"}}");
        bytes[^5] = 0xFF;
        _seed.Matches(bytes).ShouldBeFalse();
    }

    [Fact]
    public void Deeply_nested_events_are_read_to_the_end()
    {
        var depth = 5000;
        var message = "{\"eventName\":\"ConsoleLogin\",\"deep\":" + new string('[', depth) + new string(']', depth) +
                      ",\"additionalEventData\":{\"MFAUsed\":\"No\"}}";
        _seed.Matches(message).ShouldBeTrue();
    }

    [Fact]
    public void Deep_nesting_along_the_selected_path_is_followed()
    {
        var depth = 2000;
        var selector = "$" + string.Concat(Enumerable.Repeat(".a", depth));
        var message = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "\"x\"" + new string('}', depth);
        Matcher(Json(Eq(selector, Str("x")))).Matches(message).ShouldBeTrue();
    }

    [Fact]
    public void A_million_open_brackets_neither_match_nor_hang() =>
        _notExists.Matches("{\"a\":" + new string('[', 1_000_000)).ShouldBeFalse();

    [Fact]
    public void Huge_events_are_matched_without_trouble()
    {
        var padding = string.Join(',', Enumerable.Range(0, 50_000).Select(i => $"\"k{i}\":\"{new string('v', 20)}\""));
        var message = "{" + padding + ",\"eventName\":\"ConsoleLogin\",\"additionalEventData\":{\"MFAUsed\":\"No\"}}";
        _seed.Matches(message).ShouldBeTrue();
    }

    [Fact]
    public void Huge_escaped_strings_are_unescaped_without_trouble()
    {
        var value = string.Concat(Enumerable.Repeat("\\u0041", 100_000));
        Matcher(Json(Eq("$.v", Str(new string('A', 100_000))))).Matches("{\"v\":\"" + value + "\"}").ShouldBeTrue();
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(7);
        var regex = Matcher(Regex("a[0-9]+b"));
        var terms = Matcher(Terms("ERROR", "-WARN"));
        var delimited = Matcher(Delimited(Field("a"), Ellipsis(), Field("b", FieldIs("b", ComparisonOperator.Greater, Num("3")))));
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length > 0)
                bytes[0] = (byte)'{';
            Should.NotThrow(() =>
            {
                _seed.Matches(bytes);
                _notExists.Matches(bytes);
                regex.Matches(bytes);
                terms.Matches(bytes);
                delimited.Matches(bytes);
            });
        }
    }

    [Fact]
    public void A_regex_that_backtracks_exponentially_elsewhere_finishes_on_a_long_input()
    {
        var matcher = Matcher(Regex("^a*a*a*a*a*a*a*b$"));
        var started = System.Diagnostics.Stopwatch.StartNew();
        matcher.Matches(new string('a', 100_000) + "c").ShouldBeFalse();
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void One_compiled_matcher_gives_the_same_answers_from_many_threads_at_once()
    {
        var random = new Random(11);
        var cases = Enumerable.Range(0, 2000).Select(_ => RandomJsonCases.Next(random).Event).ToArray();
        var seed = Matcher(Json(Or(Eq("$.a", Str("Yes")), Ne("$.b[*]", Str("No")), Eq("$.c.a", Num("12")))));
        var expected = cases.Select(message => seed.Matches(message)).ToArray();
        var actual = new bool[cases.Length];
        Parallel.For(0, cases.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i % cases.Length] = seed.Matches(cases[i % cases.Length]));
        actual.ShouldBe(expected);
    }
}
