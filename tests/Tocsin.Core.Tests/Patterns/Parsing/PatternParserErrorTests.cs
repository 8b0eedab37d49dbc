using Tocsin.Core.Patterns.Parsing;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Tests.Patterns.Parsing;

/// <summary>A user who mistyped a pattern is told where and what was expected, word for word.</summary>
public class PatternParserErrorTests
{
    private static PatternError Rejected(string text)
    {
        var result = PatternParser.Parse(text);
        result.Pattern.ShouldBeNull($"`{text}` should have been rejected");
        return result.Error!;
    }

    [Theory]
    [InlineData("{ ($.eventName = \"ConsoleLogin\" && ($.additionalEventData.MFAUsed != \"Yes\") }", 77, "expected `)` at column 77 to close the `(` at column 3, found `}`")]
    [InlineData("{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") ", 77, "expected `}` at column 77: a pattern that starts with `{` must end with `}`")]
    [InlineData("{ status = \"401\" }", 3, "a selector must start with `$.` at column 3, found `status` (did you mean `$.status`?)")]
    [InlineData("{ $.someInt >= \"123\" }", 16, "the operator `>=` at column 13 compares numbers: expected an unquoted number, found the quoted value \"123\"")]
    [InlineData("{ $.someInt >= someString }", 16, "the operator `>=` at column 13 compares numbers: expected an unquoted number, found `someString`")]
    [InlineData("{ $.x IS NOT NULL }", 10, "`IS NOT` at column 10 is not supported by CloudWatch Logs; use `NOT EXISTS`, `!=` or `= *`")]
    [InlineData("{ $.x EXISTS }", 7, "`EXISTS` at column 7 is not supported by CloudWatch Logs; test presence with `= *` or absence with `NOT EXISTS`")]
    [InlineData("{ $.email = John@example.com }", 17, "`@` at column 17 cannot appear in an unquoted value; put the value in double quotes")]
    [InlineData("{ $.a[*].b[*] = 1 }", 3, "the selector `$.a[*].b[*]` at column 3 has more than one wildcard (`[*]` or `.*`); CloudWatch Logs allows one per selector")]
    [InlineData("{ $.a = 1 $.b = 2 }", 11, "expected `&&`, `||` or `}` at column 11, found `$`")]
    [InlineData("{ $.a = }", 9, "expected a value (a number, a quoted string, a word, `*` or `%regex%`) at column 9, found `}`")]
    [InlineData("{ $.a == 1 }", 8, "expected a value (a number, a quoted string, a word, `*` or `%regex%`) at column 8, found `=`")]
    [InlineData("{ $.a = \"x }", 13, "expected `\"` at column 13 to close the quote opened at column 9")]
    [InlineData("{ $.a = 1 } }", 13, "unexpected `}` at column 13 after the closing `}`")]
    [InlineData("{}", 2, "expected a selector starting with `$.` or `(` at column 2, found `}`")]
    [InlineData(" {$.ThisFlag IS TRUE} ", 2, "invalid character(s) in term '{$.ThisFlag' at column 2: quote a term that contains anything but letters, digits and `_`")]
    [InlineData("%something!%", 11, "`!` at column 11 is not allowed in a CloudWatch Logs regular expression; write it as \\xhh")]
    [InlineData("%(abc)%", 2, "`(` at column 2: CloudWatch Logs regular expressions have no groups; use `|` and `[...]` instead")]
    [InlineData("%[abc%", 6, "expected `]` at column 6 to close the `[` at column 2")]
    [InlineData("%abc", 5, "a pattern that starts with `%` must end with `%`")]
    [InlineData("[a, b", 6, "expected `]` at column 6: a pattern that starts with `[` must end with `]`")]
    [InlineData("[status_code = 4* && bytes > 1000]", 22, "conditions in one field must all test `status_code`, but column 22 tests `bytes`; give `bytes` its own field")]
    [InlineData("ERROR: failed", 6, "invalid character(s) in term 'ERROR:' at column 6: quote a term that contains anything but letters, digits and `_`")]
    [InlineData("\"unterminated", 14, "expected `\"` at column 14 to close the quote opened at column 1")]
    public void A_rejected_pattern_says_where_and_what_was_expected(string text, int column, string message)
    {
        var error = Rejected(text);

        error.Message.ShouldBe(message);
        error.Column.ShouldBe(column);
    }

    [Theory]
    [InlineData("%*a%")]
    [InlineData("%a**%")]
    [InlineData("%{3}%")]
    [InlineData("%a{3,1}%")]
    [InlineData("%\\xZZ%")]
    public void A_regex_no_engine_can_compile_is_rejected_at_its_column(string text)
    {
        var error = Rejected(text);

        error.Column.ShouldBe(2);
        error.Message.ShouldStartWith("the regular expression at column 2 is not valid: ");
    }

    [Fact]
    public void A_pattern_over_1024_characters_is_rejected_as_aws_rejects_it()
    {
        var error = Rejected("{ $.a = \"" + new string('x', 1020) + "\" }");

        error.Message.ShouldBe("the pattern is 1032 characters long; CloudWatch Logs accepts at most 1024");
    }

    [Fact]
    public void A_pattern_of_exactly_1024_characters_is_accepted() =>
        PatternParser.Parse(new string('x', 1024)).Succeeded.ShouldBeTrue();

    [Fact]
    public void Deeply_nested_parentheses_are_refused_rather_than_overflowing_the_stack()
    {
        var text = "{ " + new string('(', 300) + "$.a = 1" + new string(')', 300) + " }";

        Rejected(text).Message.ShouldBe("parentheses nested more than 64 deep at column 67");
    }

    [Fact]
    public void More_than_two_regular_expressions_in_one_pattern_are_refused() =>
        Rejected("{ $.a = %x% && $.b = %y% && $.c = %z% }").Message.ShouldBe("a pattern may contain at most 2 regular expressions");

    [Fact]
    public void Binary_garbage_is_refused_with_a_printable_message()
    {
        var error = Rejected("\u0001\u0002\u00ff\uFFFD");

        error.Message.ShouldStartWith("invalid character(s) in term '\\u0001\\u0002");
        error.Column.ShouldBe(1);
    }

    [Fact]
    public void Random_input_never_throws()
    {
        var random = new Random(20261126);
        const string alphabet = "{}[]()$.*%\"'=!<>&|?- abcXYZ019\n\t,@\\";
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            Should.NotThrow(() => PatternParser.Parse(text), text);
        }
    }
}
