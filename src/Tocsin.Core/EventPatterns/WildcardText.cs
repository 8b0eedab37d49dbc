using System.Text;

namespace Tocsin.Core.EventPatterns;

/// <summary>
/// A wildcard value: <c>*</c> stands for any run of characters, <c>\*</c> for a star and <c>\\</c> for a backslash.
/// <see cref="Segments"/> are the literal texts between the stars, so <c>a*b</c> is <c>["a", "b"]</c> and
/// <c>*b</c> is <c>["", "b"]</c>.
/// </summary>
public sealed record WildcardText(string Text, IReadOnlyList<string> Segments)
{
    /// <summary>Splits a wildcard value, or returns the reason EventBridge refuses it and the index it refers to.</summary>
    public static (WildcardText? Wildcard, int Index, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var segments = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\' when i + 1 < text.Length && text[i + 1] is '*' or '\\':
                    current.Append(text[++i]);
                    break;
                case '\\':
                    return (null, i, "a backslash in a wildcard may only escape `*` or `\\`");
                case '*' when i + 1 < text.Length && text[i + 1] == '*':
                    return (null, i, "consecutive `*` are not allowed in a wildcard");
                case '*':
                    segments.Add(current.ToString());
                    current.Clear();
                    break;
                default:
                    current.Append(text[i]);
                    break;
            }
        }

        segments.Add(current.ToString());
        return (new WildcardText(text, segments), -1, null);
    }

    /// <summary>True when the whole of <paramref name="value"/> matches, stars spanning any characters.</summary>
    public bool Matches(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (Segments.Count == 1)
        {
            return value == Segments[0];
        }

        var first = Segments[0];
        var last = Segments[^1];
        if (value.Length < first.Length + last.Length || !value.StartsWith(first, StringComparison.Ordinal) || !value.EndsWith(last, StringComparison.Ordinal))
        {
            return false;
        }

        // Leftmost placement of each middle segment is optimal: it leaves the most room for the rest.
        var position = first.Length;
        var end = value.Length - last.Length;
        for (var i = 1; i < Segments.Count - 1; i++)
        {
            var found = value.IndexOf(Segments[i], position, end - position, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            position = found + Segments[i].Length;
        }

        return true;
    }

    /// <summary>The shortest text the wildcard matches: its segments joined.</summary>
    public string Sample => string.Concat(Segments);
}
