using System.Globalization;
using System.Text.RegularExpressions;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Parsing;

/// <summary>
/// Comparison values (SPEC.md §5.3–§5.5, §6.3): numbers, quoted strings, bare words, <c>*</c> wildcards and
/// <c>%regex%</c>. Relational operators take only an unquoted number, as AWS requires.
/// </summary>
internal static partial class PatternValueParser
{
    public static PatternValue ParseJsonValue(PatternCursor cursor, ComparisonOperator op, int operatorColumn) =>
        Parse(cursor, op, operatorColumn, IsJsonBareChar, IsJsonValueEnd);

    public static PatternValue ParseFieldValue(PatternCursor cursor, ComparisonOperator op, int operatorColumn) =>
        Parse(cursor, op, operatorColumn, IsFieldBareChar, IsFieldValueEnd);

    private static PatternValue Parse(PatternCursor cursor, ComparisonOperator op, int operatorColumn, Func<char, bool> isBareChar, Func<PatternCursor, bool> isEnd)
    {
        var relational = op is ComparisonOperator.Less or ComparisonOperator.LessOrEqual or ComparisonOperator.Greater or ComparisonOperator.GreaterOrEqual;
        var valueColumn = cursor.Column;
        if (cursor.Current == '"')
        {
            var quoted = QuotedText.Read(cursor);
            return relational
                ? throw PatternCursor.FailAt(valueColumn, RelationalNeedsNumber(op, operatorColumn, $"the quoted value \"{quoted}\""))
                : new StringValue(quoted, Quoted: true);
        }

        if (cursor.Current == '%')
        {
            cursor.Position++;
            var bodyStart = cursor.Position;
            while (!cursor.AtEnd && cursor.Current != '%')
            {
                cursor.Position++;
            }

            if (cursor.AtEnd)
            {
                throw cursor.Fail($"expected `%` at column {cursor.Column} to close the regular expression opened at column {valueColumn}");
            }

            var regex = RegexSyntax.Validate(cursor.Text[bodyStart..cursor.Position], bodyStart + 1);
            cursor.Position++;
            return relational
                ? throw PatternCursor.FailAt(valueColumn, RelationalNeedsNumber(op, operatorColumn, "a regular expression"))
                : new RegexValue(regex);
        }

        var start = cursor.Position;
        while (!cursor.AtEnd && !isEnd(cursor) && isBareChar(cursor.Current))
        {
            cursor.Position++;
        }

        if (!cursor.AtEnd && !isEnd(cursor))
        {
            throw cursor.Position == start
                ? cursor.Expected("a value (a number, a quoted string, a word, `*` or `%regex%`)")
                : cursor.Fail($"{cursor.DescribeCurrent()} at column {cursor.Column} cannot appear in an unquoted value; put the value in double quotes");
        }

        if (cursor.Position == start)
        {
            throw cursor.Expected("a value (a number, a quoted string, a word, `*` or `%regex%`)");
        }

        var text = cursor.Text[start..cursor.Position];
        if (NumberLiteral().IsMatch(text))
        {
            return new NumberValue(text, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return relational
            ? throw PatternCursor.FailAt(valueColumn, RelationalNeedsNumber(op, operatorColumn, $"`{text}`"))
            : new StringValue(text, Quoted: false);
    }

    private static string RelationalNeedsNumber(ComparisonOperator op, int operatorColumn, string found) =>
        $"the operator `{Symbol(op)}` at column {operatorColumn} compares numbers: expected an unquoted number, found {found}";

    private static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        _ => op.ToString(),
    };

    private static bool IsJsonBareChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '*' or '_' or '-' or '+';

    private static bool IsJsonValueEnd(PatternCursor cursor) =>
        PatternCursor.IsWhitespace(cursor.Current) || cursor.Current is ')' or '}' || cursor.StartsWith("&&") || cursor.StartsWith("||");

    // Delimited values are written against log text (paths, timestamps), so any printable character but the
    // pattern's own separators may appear unquoted (`*.html*`, `/index.html`, `4*`).
    private static bool IsFieldBareChar(char c) => c > ' ' && c != '"' && c != 0x7f;

    private static bool IsFieldValueEnd(PatternCursor cursor) =>
        PatternCursor.IsWhitespace(cursor.Current) || cursor.Current is ',' or ']' || cursor.StartsWith("&&") || cursor.StartsWith("||");

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLiteral();
}
