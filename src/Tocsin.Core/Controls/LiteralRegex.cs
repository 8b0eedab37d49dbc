using System.Text.RegularExpressions;

namespace Tocsin.Core.Controls;

/// <summary>
/// The regular expression that common regex-based checkers (Prowler's <c>cloudwatch_log_metric_filter_*</c>
/// checks are the reference) search for in a metric filter's pattern text. Tocsin's <c>literal</c> mode applies
/// it so users can see where a text-based verdict and the semantic verdict disagree.
/// </summary>
/// <param name="Pattern">The regular expression, searched anywhere in the pattern text (not anchored).</param>
/// <param name="DotMatchesNewline">Whether <c>.</c> also matches a line break (Python's <c>re.DOTALL</c>).</param>
/// <param name="Source">The checker and file the expression was read from.</param>
public sealed record LiteralRegex(string Pattern, bool DotMatchesNewline, string Source)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);

    /// <summary>Whether the checker would accept a metric filter with this pattern text.</summary>
    public bool Accepts(string patternText)
    {
        var options = RegexOptions.CultureInvariant | (DotMatchesNewline ? RegexOptions.Singleline : RegexOptions.None);
        return Regex.IsMatch(patternText, Pattern, options, Budget);
    }
}
