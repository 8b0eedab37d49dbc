using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Parsing;

/// <summary>
/// Term patterns (SPEC.md §3): whitespace-separated words and quoted phrases, each optionally prefixed with
/// <c>?</c> or <c>-</c>. Unquoted terms are letters, digits and <c>_</c>; anything else must be quoted.
/// </summary>
internal static class TermPatternParser
{
    public static TermPattern Parse(string text)
    {
        var cursor = new PatternCursor(text);
        var terms = new List<Term>();
        cursor.SkipWhitespace();
        while (!cursor.AtEnd)
        {
            terms.Add(ParseTerm(cursor));
            if (!cursor.AtEnd && !PatternCursor.IsWhitespace(cursor.Current))
            {
                throw cursor.Expected("a space between terms");
            }

            cursor.SkipWhitespace();
        }

        return new TermPattern(text, terms);
    }

    private static Term ParseTerm(PatternCursor cursor)
    {
        var kind = cursor.Current switch
        {
            '?' => TermKind.Optional,
            '-' => TermKind.Excluded,
            _ => TermKind.Required,
        };
        if (kind != TermKind.Required)
        {
            cursor.Position++;
        }

        if (cursor.Current == '"')
        {
            return new Term(QuotedText.Read(cursor), kind, Quoted: true);
        }

        var start = cursor.Position;
        while (!cursor.AtEnd && !PatternCursor.IsWhitespace(cursor.Current))
        {
            cursor.Position++;
        }

        var word = cursor.Text[start..cursor.Position];
        if (word.Length == 0)
        {
            throw PatternCursor.FailAt(start + 1, $"expected a term after `{cursor.Text[start - 1]}` at column {start + 1}");
        }

        var firstBad = word.AsSpan().IndexOfAnyExcept(BareTermChars);
        if (firstBad >= 0)
        {
            var at = start + firstBad + 1;
            throw PatternCursor.FailAt(at, $"invalid character(s) in term '{Printable(word)}' at column {at}: quote a term that contains anything but letters, digits and `_`");
        }

        return new Term(word, kind, Quoted: false);
    }

    private static readonly System.Buffers.SearchValues<char> BareTermChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    private static string Printable(string word) =>
        string.Concat(word.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
