using Tocsin.Core.Controls;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Parsing;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>
/// Decides how a filter pattern relates to a control's references over the whole space of CloudTrail records
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

        var references = control.ReferencePatterns.Select(reference => ParseOwn(reference.Name, reference.Pattern)).ToList();
        var variants = control.AcceptedVariants.Select(variant => ParseOwn(variant.Name, variant.Pattern)).ToList();
        var space = EventSpace.For([candidate, .. references, .. variants]);
        var shown = new[] { candidate }.Concat(references).SelectMany(PatternSelectors.Of).Select(selector => selector.Text).ToHashSet(StringComparer.Ordinal);
        var candidateMatcher = PatternMatcher.Compile(candidate);
        var comparison = SpaceComparison.Run(space, candidateMatcher, references.Select(PatternMatcher.Compile).ToList(), variants.Select(PatternMatcher.Compile).ToList(), shown);

        var referenceIndex = Math.Max(0, comparison.ByReference.ToList().FindIndex(disagreement => disagreement.None));
        var corpus = CorpusComparison.Run(control, candidateMatcher, PatternMatcher.Compile(references[referenceIndex]));
        var (kind, variant, explanation) = Classify(candidate, control, comparison.ByReference[referenceIndex], comparison, corpus);
        return new PatternVerdict(kind, control.ReferencePatterns[referenceIndex].Name, variant, corpus.Missed, corpus.Extra,
            [.. comparison.ByReference[referenceIndex].Examples], explanation)
        {
            CatchesRequiredPopulations = corpus.CatchesRequired,
            Sampled = comparison.Sampled,
        };
    }

    private static (VerdictKind Kind, string? Variant, string Explanation) Classify(
        FilterPattern candidate, Control control, Disagreement disagreement, SpaceComparison comparison, CorpusComparison corpus)
    {
        var wording = new VerdictWording(control, corpus, disagreement);
        if (!comparison.CandidateEverMatches)
        {
            return (VerdictKind.NeverFires, null, VerdictWording.NeverFires(candidate));
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
            return (VerdictKind.Tuned, coveredVariant >= 0 ? control.AcceptedVariants[coveredVariant].Name : null, wording.Tuned());
        }

        // Adds real populations and misses only records CloudTrail's sign-in populations never contain
        // (MFAUsed "Yesterday"): in practice it alerts on more, so it is broader, and says what it would miss.
        if (disagreement.OnlyCandidate is not null && corpus.Missed.Count == 0 && corpus.Extra.Count > 0)
        {
            return (VerdictKind.Broader, null, wording.BroaderButMissing());
        }

        return (VerdictKind.Insufficient, null, wording.Insufficient());
    }

    private static FilterPattern ParseOwn(string id, string text)
    {
        var parsed = PatternParser.Parse(text);
        return parsed.Pattern ?? throw new InvalidOperationException($"the control's pattern {id} does not parse: {parsed.Error}");
    }
}
