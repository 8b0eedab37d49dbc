using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Parsing;

/// <summary>
/// The regular-expression subset CloudWatch Logs accepts between <c>%</c> signs (SPEC.md §4): ASCII letters and
/// digits, the symbols <c>: _ # = @ / ; , -</c>, the operators <c>^ $ ? [ ] { } | \ * + .</c> and spaces.
/// Groups, <c>!</c> and multi-byte characters are refused, as AWS refuses them.
/// </summary>
internal static class RegexSyntax
{
    private const string AllowedSymbols = ":_#=@/;,- ^$?[]{}|\\*+.";

    public static PatternRegex Validate(string body, int bodyColumn)
    {
        if (body.Length == 0)
        {
            throw PatternCursor.FailAt(bodyColumn, "a regular expression between `%` signs must not be empty");
        }

        var classStart = -1;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            var column = bodyColumn + i;
            if (c == '\\')
            {
                i++;
                if (i >= body.Length)
                {
                    throw PatternCursor.FailAt(column, "a regular expression must not end with a lone `\\`");
                }

                continue;
            }

            if (c is '(' or ')')
            {
                throw PatternCursor.FailAt(column, $"`{c}` at column {column}: CloudWatch Logs regular expressions have no groups; use `|` and `[...]` instead");
            }

            if (!char.IsAsciiLetterOrDigit(c) && !AllowedSymbols.Contains(c, StringComparison.Ordinal))
            {
                var shown = char.IsControl(c) || c > '\u007f' ? $"U+{(int)c:X4}" : $"`{c}`";
                throw PatternCursor.FailAt(column, $"{shown} at column {column} is not allowed in a CloudWatch Logs regular expression; write it as \\xhh");
            }

            if (classStart < 0 && c == '[')
            {
                classStart = i;
            }
            else if (classStart >= 0 && c == ']' && i > classStart + 1 && !(i == classStart + 2 && body[classStart + 1] == '^'))
            {
                classStart = -1;
            }
        }

        if (classStart >= 0)
        {
            var end = bodyColumn + body.Length;
            throw PatternCursor.FailAt(end, $"expected `]` at column {end} to close the `[` at column {bodyColumn + classStart}");
        }

        if (Matching.CloudWatchRegex.CompileProblem(body) is { } problem)
        {
            throw PatternCursor.FailAt(bodyColumn, $"the regular expression at column {bodyColumn} is not valid: {problem}");
        }

        return new PatternRegex(body);
    }
}
