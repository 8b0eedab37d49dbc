using Tocsin.Remediation.Rendering;

namespace Tocsin.Remediation.Tests;

/// <summary>How the CLI script spells values for bash and for JMESPath queries.</summary>
public sealed class CliScriptShellWordsTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$(touch pwned) `x` \"y\"", "'$(touch pwned) `x` \"y\"'")]
    public void Values_become_one_single_quoted_word(string value, string word) =>
        ShellWords.Quote(value).ShouldBe(word);

    [Fact]
    public void A_query_literal_escapes_everything_but_letters_and_digits() =>
        ShellWords.JmesPathLiteral("a`b'c\\").ShouldBe("`\"a\\u0060b\\u0027c\\u005c\"`");

    [Fact]
    public void A_comment_stays_on_one_line() =>
        ShellWords.Comment("one\ntwo\rthree").ShouldBe("one two three");
}
