using System.Text;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Matching;

/// <summary>
/// A string value of a pattern (quoted or bare) compiled to UTF-8: exact and case-sensitive without <c>*</c>,
/// otherwise CloudWatch's wildcard scan (SPEC §5.4). Works on UTF-8 bytes: ordinal comparison of valid UTF-8
/// agrees with comparison of the decoded text.
/// </summary>
internal sealed class TextPattern
{
    private readonly byte[] _exact;
    private readonly byte[][]? _segments;

    public TextPattern(string text)
    {
        Text = text;
        _exact = Encoding.UTF8.GetBytes(text);
        if (text.Contains('*', StringComparison.Ordinal))
            _segments = text.Split('*').Select(Encoding.UTF8.GetBytes).ToArray();
    }

    public TextPattern(StringValue value) : this(value.Text)
    {
    }

    public string Text { get; }

    public bool IsMatch(ReadOnlySpan<byte> value) =>
        _segments is null ? value.SequenceEqual(_exact) : MatchesWildcard(value, _segments);

    /// <summary>
    /// The scan AWS was observed to perform (SPEC §5.4): the value starts with the first segment, each middle
    /// segment is found at its first occurrence after the previous one, and the first occurrence of the last
    /// segment after that must end the value. It does not backtrack: <c>*111.111.111</c> does not match
    /// <c>111.111.111.111</c>, though a glob would.
    /// </summary>
    private static bool MatchesWildcard(ReadOnlySpan<byte> value, byte[][] segments)
    {
        var first = segments[0];
        if (!value.StartsWith(first))
            return false;
        var position = first.Length;
        for (var i = 1; i < segments.Length - 1; i++)
        {
            var found = value[position..].IndexOf(segments[i]);
            if (found < 0)
                return false;
            position += found + segments[i].Length;
        }

        var last = segments[^1];
        if (last.Length == 0)
            return true;
        var at = value[position..].IndexOf(last);
        return at >= 0 && position + at + last.Length == value.Length;
    }
}
