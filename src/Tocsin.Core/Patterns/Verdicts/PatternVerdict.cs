using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>
/// The judgement of one pattern against a control. <see cref="Missed"/> and <see cref="Extra"/> name the corpus
/// populations the pattern misses or adds compared with <see cref="Reference"/>; <see cref="Differences"/> gives
/// concrete records from the whole event space where the two disagree, including ones no population covers.
/// </summary>
public sealed record PatternVerdict(
    VerdictKind Kind,
    string? Reference,
    string? Variant,
    IReadOnlyList<string> Missed,
    IReadOnlyList<string> Extra,
    IReadOnlyList<EventDifference> Differences,
    string Explanation,
    PatternError? Error = null)
{
    /// <summary>True when the pattern still catches every population the control requires.</summary>
    public bool CatchesRequiredPopulations { get; init; }

    /// <summary>True when the space was too large to enumerate and the verdict rests on a seeded sample.</summary>
    public bool Sampled { get; init; }
}

/// <summary>A record on which the candidate and the reference disagree, described field by field.</summary>
public sealed record EventDifference(bool CandidateMatches, bool ReferenceMatches, string Description, string Json);
