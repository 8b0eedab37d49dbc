namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>
/// Runs the candidate, every reference and every accepted variant over the whole event space once, and keeps
/// what the verdict needs: where the candidate and each reference disagree (with a few example records), and
/// how the candidate relates to each variant.
/// </summary>
internal sealed class SpaceComparison
{
    public required bool CandidateEverMatches { get; init; }

    public required IReadOnlyList<Disagreement> ByReference { get; init; }

    /// <summary>Per variant: the candidate matches exactly the records the variant matches.</summary>
    public required IReadOnlyList<bool> EqualsVariant { get; init; }

    /// <summary>Per variant: every record the variant matches, the candidate matches too.</summary>
    public required IReadOnlyList<bool> CoversVariant { get; init; }

    public required bool Sampled { get; init; }

    /// <param name="shown">The selectors an example names: those of the candidate and the references.</param>
    /// <param name="inScope">The records the comparison is decided on; every record of the space when null.</param>
    public static SpaceComparison Run(EventSpace space, IRecordMatcher candidate, IReadOnlyList<IRecordMatcher> references, IReadOnlyList<IRecordMatcher> variants, IReadOnlySet<string> shown, Func<int[], bool>? inScope = null)
    {
        var disagreements = references.Select(_ => new Disagreement()).ToList();
        var equalsVariant = variants.Select(_ => true).ToArray();
        var coversVariant = variants.Select(_ => true).ToArray();
        var candidateEverMatches = false;
        foreach (var choice in space.Choices().Where(choice => inScope is null || inScope(choice)))
        {
            var record = space.Record(choice);
            var c = candidate.Matches(record);
            candidateEverMatches |= c;
            for (var i = 0; i < references.Count; i++)
            {
                var r = references[i].Matches(record);
                if (c != r)
                {
                    disagreements[i].Offer(c, space.IsRealistic(choice), space.Oddness(choice), () => new EventDifference(c, r, space.Describe(choice, shown), record));
                }
            }

            for (var j = 0; j < variants.Count; j++)
            {
                var v = variants[j].Matches(record);
                equalsVariant[j] &= v == c;
                coversVariant[j] &= !v || c;
            }
        }

        return new SpaceComparison
        {
            CandidateEverMatches = candidateEverMatches,
            ByReference = disagreements,
            EqualsVariant = equalsVariant,
            CoversVariant = coversVariant,
            Sampled = space.Sampled,
        };
    }
}

/// <summary>Where the candidate and one reference disagree, in each direction, with the most natural example of each.</summary>
internal sealed class Disagreement
{
    private int _onlyCandidateOddness = int.MaxValue;
    private int _onlyReferenceOddness = int.MaxValue;

    /// <summary>A record only the candidate matches, or null when there is none.</summary>
    public EventDifference? OnlyCandidate { get; private set; }

    /// <summary>A record only the reference matches, or null when there is none.</summary>
    public EventDifference? OnlyReference { get; private set; }

    public bool None => OnlyCandidate is null && OnlyReference is null;

    /// <summary>Some record CloudTrail can write is matched by the reference and missed by the candidate.</summary>
    public bool MissesRealisticRecords { get; private set; }

    public IEnumerable<EventDifference> Examples => new[] { OnlyReference, OnlyCandidate }.OfType<EventDifference>();

    public void Offer(bool candidateMatches, bool realistic, int oddness, Func<EventDifference> example)
    {
        MissesRealisticRecords |= !candidateMatches && realistic;
        if (candidateMatches && oddness < _onlyCandidateOddness)
        {
            (_onlyCandidateOddness, OnlyCandidate) = (oddness, example());
        }
        else if (!candidateMatches && oddness < _onlyReferenceOddness)
        {
            (_onlyReferenceOddness, OnlyReference) = (oddness, example());
        }
    }
}
