using Tocsin.Core.Exceptions;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.Findings;

/// <summary>
/// What one control concluded for one account: the outcome, every reason (empty on a clean pass), one
/// line a person understands, and the evidence.
/// </summary>
/// <param name="Region">The region of the evidence chain, or null when there is none (no trail at all).</param>
/// <param name="Message">The broken link in words, e.g. "alarm console-signin-without-mfa has no confirmed subscriber".</param>
public sealed record Finding(
    string ControlId,
    string AccountId,
    string? Region,
    Outcome Outcome,
    IReadOnlyList<ReasonCode> Reasons,
    string Message,
    Evidence Evidence)
{
    /// <summary>The semantic verdict on the chosen metric filter's pattern, when a filter was judged.</summary>
    public VerdictKind? Verdict { get; init; }

    /// <summary>The judged filter's pattern and the populations it misses or adds, when a filter was judged.</summary>
    public JudgedPattern? Pattern { get; init; }

    /// <summary>The seed's literal regex check on the same pattern, when a filter was judged.</summary>
    public LiteralVerdict? LiteralVerdict { get; init; }

    /// <summary>The exception that suppresses this finding, if any.</summary>
    public ExceptionEntry? SuppressedBy { get; init; }

    /// <summary>The account that owns the organization trail whose chain this member account inherits.</summary>
    public string? InheritedFrom { get; init; }

    /// <summary>
    /// The chain the finding reports: the metric-filter chain unless EventBridge is accepted (<c>--accept eventbridge</c>)
    /// and its chain is the one that passed (or the only one that could not be decided).
    /// </summary>
    public AlertChain Chain { get; init; } = AlertChain.MetricFilter;

    /// <summary>
    /// The other chain's state, when it was judged: always with <c>--accept eventbridge</c>; without it, only when the
    /// EventBridge chain would pass a failing account (the message says so).
    /// </summary>
    public ChainState? OtherChain { get; init; }

    /// <summary>Where each link of the chain is defined, for findings on infrastructure code; null for live AWS and snapshots.</summary>
    public IReadOnlyList<Location>? Locations { get; init; }

    public bool Suppressed => SuppressedBy is not null;
}

/// <summary>Where one link of a finding's chain is defined: the evidence entry, and its file with first and last line.</summary>
public sealed record Location(string Link, string File, int? StartLine, int? EndLine);
