namespace Tocsin.Fuzz.Tests.Patterns.Reference;

/// <summary>
/// <c>*</c> in a compared value, as SPEC.md §5.4 infers AWS does it: the first segment is a prefix, each middle
/// segment is found at its first occurrence after the previous one (no backtracking), the last is a suffix found
/// after them. Without <c>*</c> the texts must be equal.
/// </summary>
internal static class Wildcard
{
    public static bool Matches(string pattern, string value)
    {
        var segments = pattern.Split('*');
        if (segments.Length == 1)
            return pattern == value;
        if (!value.StartsWith(segments[0], StringComparison.Ordinal))
            return false;
        var position = segments[0].Length;
        for (var s = 1; s < segments.Length - 1; s++)
        {
            var found = value.IndexOf(segments[s], position, StringComparison.Ordinal);
            if (found < 0)
                return false;
            position = found + segments[s].Length;
        }

        var last = segments[^1];
        if (last.Length == 0)
            return true;
        var at = value.IndexOf(last, position, StringComparison.Ordinal);
        return at >= 0 && at + last.Length == value.Length;
    }
}
