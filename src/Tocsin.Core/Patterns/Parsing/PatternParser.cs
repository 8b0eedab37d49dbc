using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Parsing;

/// <summary>
/// Parses CloudWatch Logs filter patterns (SPEC.md §1–§7). The form is decided by the first character, as AWS
/// does, without trimming: <c>{</c> JSON, <c>[</c> space-delimited, <c>%</c> regular expression, anything else
/// terms. Never throws on bad input: a rejected pattern comes back as a <see cref="PatternError"/> with a column.
/// </summary>
public static class PatternParser
{
    public static PatternParseResult Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > PatternLimits.MaxLength)
        {
            return PatternParseResult.Failure(new PatternError(
                PatternLimits.MaxLength + 1,
                $"the pattern is {text.Length} characters long; CloudWatch Logs accepts at most {PatternLimits.MaxLength}"));
        }

        try
        {
            return PatternParseResult.Success(ParseForm(text));
        }
        catch (PatternSyntaxException syntax)
        {
            return PatternParseResult.Failure(syntax.Error);
        }
    }

    private static FilterPattern ParseForm(string text)
    {
        // A pattern of nothing but whitespace has no term to look for, like the empty pattern: it matches
        // every event (SPEC.md §8.10 leaves this open; treating it as "match all" never hides an event).
        if (text.All(PatternCursor.IsWhitespace))
        {
            return new MatchAllPattern(text);
        }

        return text[0] switch
        {
            '{' => JsonPatternParser.Parse(text),
            '[' => DelimitedPatternParser.Parse(text),
            '%' => ParseStandaloneRegex(text),
            _ => TermPatternParser.Parse(text),
        };
    }

    private static RegexPattern ParseStandaloneRegex(string text)
    {
        var body = text.TrimEnd();
        if (body.Length < 2 || body[^1] != '%')
        {
            throw PatternCursor.FailAt(body.Length + 1, "a pattern that starts with `%` must end with `%`");
        }

        var regex = RegexSyntax.Validate(body[1..^1], bodyColumn: 2);
        return new RegexPattern(text, regex);
    }
}
