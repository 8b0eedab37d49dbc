using System.Text;
using Tocsin.Core.Patterns.Matching;

namespace Tocsin.Core.Tests.Patterns.Matching;

public class WildcardAndRegexTranslationTests
{
    private static bool Wild(string pattern, string value) => new TextPattern(pattern).IsMatch(Encoding.UTF8.GetBytes(value));

    [Fact]
    public void A_value_without_a_star_must_equal_the_whole_text() => (Wild("abc", "abc") && !Wild("abc", "abcd")).ShouldBeTrue();

    [Fact]
    public void A_lone_star_matches_any_text_including_empty() => (Wild("*", "") && Wild("*", "anything")).ShouldBeTrue();

    [Fact]
    public void A_trailing_star_is_a_prefix_test() => (Wild("Console*", "ConsoleLogin") && !Wild("Console*", "MyConsole")).ShouldBeTrue();

    [Fact]
    public void A_leading_star_is_matched_at_the_first_occurrence_without_backtracking() =>
        (Wild("*.111.111.111", "111.111.111.111") && !Wild("*111.111.111", "111.111.111.111")).ShouldBeTrue();

    [Fact]
    public void A_middle_star_is_a_wildcard_too() => (Wild("1*3", "123") && !Wild("111*111", "111.111.111.111")).ShouldBeTrue();

    [Fact]
    public void Stars_on_both_sides_find_an_inner_segment() => (Wild("*.html*", "GET /index.html HTTP/1.0") && !Wild("*.html*", "GET /")).ShouldBeTrue();

    [Fact]
    public void Wildcard_segments_compare_non_ascii_text_exactly() => (Wild("é*ü", "éaü") && !Wild("é*ü", "eau")).ShouldBeTrue();

    [Theory]
    [InlineData(@"\d+", "[0-9]+")]
    [InlineData(@"[\d\s]", @"[0-9 \t\n\x0B\f\r]")]
    [InlineData(@"\w\W", "[a-zA-Z0-9_][^a-zA-Z0-9_]")]
    [InlineData("a{,3}", "a{0,3}")]
    [InlineData(@"\x3A", @"\x3A")]
    [InlineData("[]a]", @"[\]a]")]
    [InlineData("^a|b$", "^a|b$")]
    public void CloudWatch_regex_operators_are_translated_to_their_dotnet_meaning(string cloudWatch, string dotNet) =>
        CloudWatchRegex.Translate(cloudWatch).ShouldBe(dotNet);

    [Fact]
    public void A_regex_group_is_refused_rather_than_silently_changed() =>
        Should.Throw<ArgumentException>(() => CloudWatchRegex.Translate("(a)"));

    [Fact]
    public void A_regex_too_large_for_the_linear_engine_still_matches() =>
        PatternMatcher.Compile(Build.Regex("^a{20000}$")).Matches(new string('a', 20000)).ShouldBeTrue();

    [Fact]
    public void A_regex_dotnet_cannot_compile_is_refused_with_the_reason() =>
        Should.Throw<ArgumentException>(() => PatternMatcher.Compile(Build.Regex("a{3,1}"))).Message.ShouldContain("%a{3,1}%");

    [Fact]
    public void The_reason_a_regex_cannot_compile_is_available_to_the_parser() =>
        (CloudWatchRegex.CompileProblem("*a") is not null && CloudWatchRegex.CompileProblem("a*") is null).ShouldBeTrue();
}
