using Tocsin.Core.Findings;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.Evaluation;

/// <summary>
/// One candidate chain (trail → filter → alarm → topic) for a control in one account, judged link by link.
/// <see cref="Depth"/> counts the links that held, so the most complete chain can be reported.
/// </summary>
internal sealed record ChainResult(
    Outcome Outcome,
    int Depth,
    IReadOnlyList<ReasonCode> Reasons,
    string Message,
    IReadOnlyList<string> Chain,
    string? Region)
{
    public PatternVerdict? Verdict { get; init; }

    public string? PatternText { get; init; }

    public bool? LiteralAccepts { get; init; }

    /// <summary>Where other candidates of the same chain start (the EventBridge chain: the other regions' rules).</summary>
    public IReadOnlyList<string> Candidates { get; init; } = [];

    /// <summary>
    /// The chain a finding reports: a passing one if any; else, since an unseen value might hide a passing chain,
    /// the deepest that could not be decided; else the deepest failing one, with its first broken link.
    /// </summary>
    public static ChainResult Best(IReadOnlyCollection<ChainResult> candidates) =>
        candidates.Where(c => c.Outcome == Outcome.Pass).MaxBy(c => c.Depth)
        ?? candidates.Where(c => c.Outcome == Outcome.Error).MaxBy(c => c.Depth)
        ?? candidates.MaxBy(c => c.Depth)!;
}
