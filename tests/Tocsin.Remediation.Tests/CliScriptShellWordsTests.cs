using Tocsin.Remediation.Rendering;

namespace Tocsin.Remediation.Tests;

/// <summary>How the CLI script spells values for bash and for JMESPath queries.</summary>
public sealed class CliScriptShellWordsTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("arn:aws:sns:us-east-1:111111111111:alerts", "arn:aws:sns:us-east-1:111111111111:alerts")]
    [InlineData("", "''")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$(touch pwned) `x` \"y\"", "'$(touch pwned) `x` \"y\"'")]
    [InlineData("two\nlines", "$'two\\nlines'")]
    public void Values_are_bare_only_when_no_character_is_special_else_single_quoted_else_ansi_c_quoted(string value, string word) =>
        ShellWords.Quote(value).ShouldBe(word);

    [Fact]
    public void A_query_literal_escapes_everything_but_letters_and_digits() =>
        ShellWords.JmesPathLiteral("a`b'c\\").ShouldBe("`\"a\\u0060b\\u0027c\\u005c\"`");

    [Fact]
    public void A_comment_stays_on_one_line() =>
        ShellWords.Comment("one\ntwo\rthree").ShouldBe("one two three");
}
