using Tocsin.Core.Controls;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Parsing;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>
/// Decides how a filter pattern (or an event pattern, see EventPatternJudge) relates to a control's references over the whole space of CloudTrail records
/// (see <see cref="EventSpace"/>), then names the difference in CloudTrail terms with the control's labelled corpus.
/// </summary>
public static class PatternJudge
{
    public static PatternVerdict Judge(string candidateText, Control control)
    {
        var parsed = PatternParser.Parse(candidateText);
        if (parsed.Pattern is not { } candidate)
        {
            return new PatternVerdict(VerdictKind.Unparseable, null, null, [], [], [], $"unparseable: {parsed.Error!.Message}", parsed.Error);
        }

        return Judge(new JudgedCandidate(
            new FilterRecordMatcher(PatternMatcher.Compile(candidate)),
            [candidate],
            [],
            PatternSelectors.Of(candidate).Select(selector => selector.Text),
            () => VerdictWording.NeverFires(candidate),
            OnlyDeliverable: false), control);
    }

    /// <summary>Judges a candidate of either language on the same record space as the control's filter references.</summary>
    internal static PatternVerdict Judge(JudgedCandidate candidate, Control control)
    {
        var references = control.ReferencePatterns.Select(reference => ParseOwn(reference.Name, reference.Pattern)).ToList();
        var variants = control.AcceptedVariants.Select(variant => ParseOwn(variant.Name, variant.Pattern)).ToList();
        var space = EventSpace.For([.. candidate.SpacePatterns, .. references, .. variants], candidate.Probes);
        var shown = candidate.ShownSelectors.Concat(references.SelectMany(PatternSelectors.Of).Select(selector => selector.Text)).ToHashSet(StringComparer.Ordinal);
        var referenceMatchers = references.Select(Compile).ToList();
        var comparison = SpaceComparison.Run(space, candidate.Matcher, referenceMatchers, variants.Select(Compile).ToList(), shown,
            candidate.OnlyDeliverable ? space.IsDeliverable : null);

        var referenceIndex = Math.Max(0, comparison.ByReference.ToList().FindIndex(disagreement => disagreement.None));
        var corpus = CorpusComparison.Run(control, candidate.Matcher, referenceMatchers[referenceIndex]);
        var (kind, variant, explanation) = Classify(candidate, control, comparison.ByReference[referenceIndex], comparison, corpus);
        return new PatternVerdict(kind, control.ReferencePatterns[referenceIndex].Name, variant, corpus.Missed, corpus.Extra,
            [.. comparison.ByReference[referenceIndex].Examples], explanation)
        {
            CatchesRequiredPopulations = corpus.CatchesRequired,
            Sampled = comparison.Sampled,
        };
    }

    private static IRecordMatcher Compile(FilterPattern pattern) => new FilterRecordMatcher(PatternMatcher.Compile(pattern));

    private static (VerdictKind Kind, string? Variant, string Explanation) Classify(
        JudgedCandidate candidate, Control control, Disagreement disagreement, SpaceComparison comparison, CorpusComparison corpus)
    {
        var wording = new VerdictWording(control, corpus, disagreement);
        if (!comparison.CandidateEverMatches)
        {
            return (VerdictKind.NeverFires, null, candidate.NeverFires());
        }

        if (disagreement.None)
        {
            return (VerdictKind.Equivalent, null, wording.Equivalent());
        }

        if (disagreement.OnlyReference is null)
        {
            return (VerdictKind.Broader, null, wording.Broader());
        }

        var equalVariant = comparison.EqualsVariant.ToList().IndexOf(true);
        if (equalVariant >= 0)
        {
            var variant = control.AcceptedVariants[equalVariant];
            return (VerdictKind.Tuned, variant.Name, wording.TunedVariant(variant));
        }

        // Between an accepted variant and the reference, or leaving out only populations the control lets go.
        var coveredVariant = comparison.CoversVariant.ToList().IndexOf(true);
        if (coveredVariant >= 0 || (corpus.Missed.Count > 0 && corpus.CatchesRequired))
        {
            return (VerdictKind.Tuned, null, wording.Tuned());
        }

        // Misses only records CloudTrail never writes (MFAUsed "Yesterday"): if it adds real populations it is
        // broader in practice; otherwise it is tuned to the values CloudTrail writes. Either way it says what differs.
        if (!disagreement.MissesRealisticRecords && corpus.Missed.Count == 0)
        {
            return corpus.Extra.Count > 0
                ? (VerdictKind.Broader, null, wording.BroaderButMissing())
                : (VerdictKind.Tuned, null, wording.TunedToWrittenValues());
        }

        return (VerdictKind.Insufficient, null, wording.Insufficient());
    }

    private static FilterPattern ParseOwn(string id, string text)
    {
        var parsed = PatternParser.Parse(text);
        return parsed.Pattern ?? throw new InvalidOperationException($"the control's pattern {id} does not parse: {parsed.Error}");
    }
}

/// <summary>
/// A candidate of either language as the judge sees it: how it matches a record, the filter patterns and probes that
/// seed the record space with its values, the selectors an example should name, and what to say when it never fires.
/// </summary>
/// <param name="OnlyDeliverable">Decide only on records whose EventBridge envelope CloudTrail can produce (see <see cref="EventSpace.IsDeliverable"/>).</param>
internal sealed record JudgedCandidate(
    IRecordMatcher Matcher,
    IReadOnlyList<FilterPattern> SpacePatterns,
    IReadOnlyList<FieldProbe> Probes,
    IEnumerable<string> ShownSelectors,
    Func<string> NeverFires,
    bool OnlyDeliverable);
