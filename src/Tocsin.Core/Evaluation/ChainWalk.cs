using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.Evaluation;

/// <summary>
/// The state of walking one chain: the links that held, the evidence gathered, and the values that could not be
/// seen. A link whose value is unknown is passed over provisionally: a later link that surely breaks still fails
/// the chain, and only a chain that would otherwise hold becomes an error.
/// </summary>
internal sealed record ChainWalk
{
    public int Depth { get; private init; }

    public IReadOnlyList<string> Chain { get; private init; } = [];

    public string? Region { get; init; }

    public Unknown? FirstUnknown { get; private init; }

    public string? UnknownWhat { get; private init; }

    public PatternVerdict? Verdict { get; init; }

    /// <summary>The judged filter's pattern text, beside <see cref="Verdict"/>.</summary>
    public string? PatternText { get; init; }

    public bool? LiteralAccepts { get; init; }

    public ChainWalk Held(string? evidence = null) => this with
    {
        Depth = Depth + 1,
        Chain = evidence is null ? Chain : [.. Chain, evidence],
    };

    /// <param name="unknown">Why the value is unknown; null (which an unknown value never has) reads as unavailable.</param>
    /// <summary>Names the resource the next link is judged on, so a chain that breaks there shows it.</summary>
    public ChainWalk At(string evidence) => this with { Chain = [.. Chain, evidence] };

    public ChainWalk Unseen(Unknown? unknown, string what) =>
        FirstUnknown is null ? this with { FirstUnknown = unknown ?? new Unknown(UnknownReason.Unavailable), UnknownWhat = what } : this;

    public ChainResult Fail(ReasonCode reason, string message) => Result(Outcome.Fail, [reason], message);

    /// <summary>Stops where the link cannot be decided for a reason of its own (a pattern AWS would reject).</summary>
    public ChainResult Error(ReasonCode reason, string message) => Result(Outcome.Error, [reason], message);

    /// <summary>Stops at a value without which the rest of the chain cannot be followed.</summary>
    public ChainResult Blocked(Unknown? unknown, string what) => Unseen(unknown, what).Finish("");

    public ChainResult Finish(string passMessage) =>
        FirstUnknown is { } unknown
            ? Result(Outcome.Error, [ReasonCodes.For(unknown.Reason)], $"could not see {UnknownWhat}: {unknown}")
            : Result(Outcome.Pass, [], passMessage);

    private ChainResult Result(Outcome outcome, IReadOnlyList<ReasonCode> reasons, string message) =>
        new(outcome, Depth, reasons, message, Chain, Region) { Verdict = Verdict, PatternText = PatternText, LiteralAccepts = LiteralAccepts };
}
