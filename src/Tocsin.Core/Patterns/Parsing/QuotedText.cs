namespace Tocsin.Core.Patterns.Parsing;

/// <summary>
/// A double-quoted term or value. A backslash makes the next character literal (<c>\"</c>, <c>\\</c>): AWS
/// documents no escape rule, but the CDK's generator escapes this way, so deployed patterns use it (SPEC.md §2).
/// </summary>
internal static class QuotedText
{
    public static string Read(PatternCursor cursor)
    {
        var open = cursor.Column;
        cursor.Expect("\"");
        var text = new System.Text.StringBuilder();
        while (!cursor.AtEnd && cursor.Current != '"')
        {
            if (cursor.Current == '\\' && cursor.PeekAt(1) != '\0')
            {
                cursor.Position++;
            }

            text.Append(cursor.Current);
            cursor.Position++;
        }

        if (cursor.AtEnd)
        {
            throw cursor.Fail($"expected `\"` at column {cursor.Column} to close the quote opened at column {open}");
        }

        cursor.Position++;
        return text.ToString();
    }
}
