using Tocsin.Core.EventPatterns;

namespace Tocsin.Core.Tests.EventPatterns;

/// <summary>A user who mistyped an event pattern is told the line, the column and what is wrong, word for word.</summary>
public class EventPatternErrorTests
{
    private static EventPatternError Refused(string text)
    {
        var result = EventPatternParser.Parse(text);
        result.Pattern.ShouldBeNull($"`{text}` should have been refused");
        return result.Error!;
    }

    [Theory]
    [InlineData("{\"source\": \"aws.signin\"}", 1, 12, "the value of \"source\" must be an object or an array; put a single value in brackets, as [\"aws.signin\"] (line 1, column 12)")]
    [InlineData("{\n  \"source\": [\"aws.signin\"],\n  \"detail\": {\"MFAUsed\": [{\"anythin-but\": \"Yes\"}]}\n}", 3, 27, "unknown matcher `anythin-but`; EventBridge knows anything-but, cidr, equals-ignore-case, exists, numeric, prefix, suffix, wildcard (line 3, column 27)")]
    [InlineData("{\"n\": [{\"numeric\": [\"<\", 5, \">\", 0]}]}", 1, 29, "too many elements in the numeric expression (line 1, column 29)")]
    [InlineData("{\"s\": [{\"wildcard\": \"a**b\"}]}", 1, 23, "consecutive `*` are not allowed in a wildcard (line 1, column 23)")]
    [InlineData("{\"source\": []}", 1, 12, "empty arrays are not allowed: \"source\" needs at least one value to match (line 1, column 12)")]
    [InlineData("{\"source\": [\"aws.signin\"]", 1, 26, "the pattern ends where `}` was expected to close the object (line 1, column 26)")]
    [InlineData("{\"source\": [\"aws.signin\"]} x", 1, 28, "unexpected `x` after the pattern's closing `}` (line 1, column 28)")]
    [InlineData("{\"s\": [{\"anything-but\": [\"a\", 1]}]}", 1, 25, "the list of `anything-but` must hold only strings or only numbers, and at least one (line 1, column 25)")]
    public void A_refused_pattern_says_where_and_what_is_wrong(string text, int line, int column, string message)
    {
        var error = Refused(text);

        error.Message.ShouldBe(message);
        (error.Line, error.Column).ShouldBe((line, column));
    }

    [Fact]
    public void The_pointer_shows_the_offending_line_with_a_caret_under_the_column()
    {
        const string text = "{\n  \"source\": \"aws.signin\"\n}";

        var error = Refused(text);

        error.Pointer(text).ShouldBe("  \"source\": \"aws.signin\"" + Environment.NewLine + "            ^");
    }

    [Fact]
    public void A_pattern_nested_thousands_deep_is_refused_without_exhausting_the_stack()
    {
        var text = string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "[1]" + new string('}', 100_000);

        var error = EventPatternParser.Parse(text[..4000] + "}").Error;

        error!.Message.ShouldStartWith("the pattern is nested deeper than 64 levels");
        EventPatternParser.Parse(text).Error!.Message.ShouldStartWith("the pattern is 600003 characters long; EventBridge accepts at most 4096");
    }

    [Fact]
    public void An_event_nested_thousands_deep_matches_nothing_and_does_not_crash()
    {
        var (matcher, _) = EventPatternMatcher.Compile("{\"a\": [{\"exists\": true}]}");
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 100_000)) + "1" + new string('}', 100_000);

        matcher!.Matches(deep).ShouldBeFalse();
    }

    [Fact]
    public void Text_that_is_not_a_json_object_is_no_event_and_matches_nothing()
    {
        var (matcher, _) = EventPatternMatcher.Compile("{\"a\": [{\"exists\": false}]}");

        matcher!.Matches("not json").ShouldBeFalse();
        matcher.Matches("[1, 2]").ShouldBeFalse();
        matcher.Matches("{}").ShouldBeTrue();
    }
}
