using System.Text.RegularExpressions;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Backtest.Sql;

/// <summary>
/// A string value of a condition (SPEC §5.4) as SQL over a node's text. Against a number node CloudWatch compares
/// the number's text as written in the event (SPEC §5.3), which SQL engines do not keep: they re-print parsed
/// numbers (<c>1.50</c> as <c>1.5</c>). A value is compiled for number nodes only when the engine's text gives the
/// same answer as the written text: it can match no number text, or every text, or (where the dialect prints an
/// integer exactly as written) it can match no number with a fraction or exponent and treats <c>0</c> and
/// <c>-0</c> alike.
/// </summary>
internal sealed partial class TextValueSql
{
    private const string NumberCharacters = "0123456789+-.eE";

    private readonly StringValue _value;
    private readonly string[] _segments;
    private readonly string _selector;

    public TextValueSql(StringValue value, string selector)
    {
        _value = value;
        _selector = selector;
        _segments = value.Text.Split('*');
        MatchesEveryText = value.HasWildcard && _segments.All(segment => segment.Length == 0);
        CanMatchNumberText = !MatchesEveryText && CouldMatchNumberText(fractional: false);
    }

    /// <summary>True for <c>*</c>, <c>**</c>...: every string and every number's text matches.</summary>
    public bool MatchesEveryText { get; }

    /// <summary>False when no JSON number's text can match, so a number node is simply unequal.</summary>
    public bool CanMatchNumberText { get; }

    /// <summary>
    /// Throws unless the value's outcome on a number is decided by an exactly printed integer text: it must match
    /// no number written with a fraction or exponent, and answer alike for <c>0</c> and <c>-0</c> (printed the same).
    /// </summary>
    public void RequireIntegerTextSuffices(string dialect)
    {
        if (CouldMatchNumberText(fractional: true) || IsMatch("0") != IsMatch("-0"))
            throw NumberTextRefused(dialect);
    }

    public SqlCompileException NumberTextRefused(string dialect) => new(
        $"`{_selector} {(_value.Quoted ? "\"" + _value.Text + "\"" : _value.Text)}`: the value could match a JSON number, which CloudWatch " +
        $"compares as written in the event (1.50 is not \"1.5\"); {dialect} only keeps the parsed number, so the comparison " +
        "cannot be written exactly");
    /// <summary>
    /// SQL true when <paramref name="text"/> (not NULL) matches: exact and case-sensitive without <c>*</c>,
    /// otherwise CloudWatch's first-occurrence scan (TextPattern in Tocsin.Core), written as a chain of
    /// <c>regexp_extract</c>: each step keeps the text from the first occurrence of the next segment after the
    /// previous one, and the last segment's first occurrence must end the text. Two-valued for DuckDB (no match is
    /// '') and Trino (no match is NULL).
    /// </summary>
    public string Matches(string text)
    {
        if (!_value.HasWildcard)
            return $"{text} = {SqlText.Literal(_value.Text)}";

        var first = _segments[0];
        var last = _segments[^1];
        var middles = _segments[1..^1].Where(segment => segment.Length > 0).ToList();
        if (middles.Count == 0 && last.Length == 0)
            return $"starts_with({text}, {SqlText.Literal(first)})";

        var current = text;
        var lead = first;
        foreach (var middle in middles)
        {
            current = FromFirstOccurrence(current, lead, middle);
            lead = middle;
        }

        return last.Length == 0
            ? $"coalesce({current}, '') <> ''"
            : $"coalesce({FromFirstOccurrence(current, lead, last)}, '') = {SqlText.Literal(last)}";
    }

    /// <summary>The text from the first occurrence of <paramref name="next"/> after the leading <paramref name="lead"/>.</summary>
    private static string FromFirstOccurrence(string text, string lead, string next) =>
        $"regexp_extract({text}, {SqlText.Literal("(?s)^" + SqlText.RegexLiteral(lead) + ".*?(" + SqlText.RegexLiteral(next) + ".*)$")}, 1)";

    /// <summary>
    /// Whether some JSON number text (<c>-?digits[.digits][e[+-]digits]</c>) might match: conservative, so a value
    /// judged unable to match really cannot (IP-style values such as <c>10.0.*</c> hold two dots, so they cannot).
    /// </summary>
    private bool CouldMatchNumberText(bool fractional)
    {
        if (!_value.HasWildcard)
            return JsonNumber().IsMatch(_value.Text) && (!fractional || _value.Text.AsSpan().IndexOfAny(".eE") >= 0);
        var all = string.Concat(_segments);
        return all.All(c => NumberCharacters.Contains(c, StringComparison.Ordinal))
            && all.Count(c => c == '.') <= 1
            && all.Count(c => c is 'e' or 'E') <= 1;
    }

    /// <summary>The matcher's scan (TextPattern in Tocsin.Core) on one text, to decide values at compile time.</summary>
    private bool IsMatch(string text)
    {
        if (!_value.HasWildcard)
            return text == _value.Text;
        if (!text.StartsWith(_segments[0], StringComparison.Ordinal))
            return false;
        var position = _segments[0].Length;
        foreach (var middle in _segments[1..^1])
        {
            var found = text.IndexOf(middle, position, StringComparison.Ordinal);
            if (found < 0)
                return false;
            position = found + middle.Length;
        }

        var last = _segments[^1];
        if (last.Length == 0)
            return true;
        var at = text.IndexOf(last, position, StringComparison.Ordinal);
        return at >= 0 && at + last.Length == text.Length;
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}
