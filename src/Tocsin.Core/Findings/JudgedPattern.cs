using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.Findings;

/// <summary>
/// The metric filter pattern a finding's chain rests on and what its verdict says about it, so a report can show the
/// pattern beside the populations it misses or over-alerts on.
/// </summary>
/// <param name="Text">The pattern as deployed.</param>
/// <param name="Variant">The accepted variant it equals, if any.</param>
/// <param name="Missed">Populations of the control the pattern no longer alerts on, compared with the reference.</param>
/// <param name="Extra">Populations it alerts on that the reference does not.</param>
/// <param name="Explanation">The verdict in one sentence.</param>
public sealed record JudgedPattern(string Text, string? Variant, IReadOnlyList<string> Missed, IReadOnlyList<string> Extra, string Explanation)
{
    public static JudgedPattern Of(string text, PatternVerdict verdict) =>
        new(text, verdict.Variant, verdict.Missed, verdict.Extra, verdict.Explanation);
}
