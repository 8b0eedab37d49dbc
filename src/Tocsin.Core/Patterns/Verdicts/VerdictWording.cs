using Tocsin.Core.Controls;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>The one-line explanation of each verdict, in CloudTrail terms where the corpus allows.</summary>
internal sealed class VerdictWording(Control control, CorpusComparison corpus, Disagreement disagreement)
{
    public string Equivalent() => "equivalent to the reference pattern: alerts on exactly the same CloudTrail records";

    public string Broader() =>
        corpus.Extra.Count > 0
            ? $"broader: also alerts on {Populations(corpus.Extra)}"
            : $"broader: also alerts on records outside the control's populations, such as {disagreement.OnlyCandidate!.Description}";

    public string BroaderButMissing() =>
        $"broader: also alerts on {Populations(corpus.Extra)}; misses only records CloudTrail does not write, such as {disagreement.OnlyReference!.Description}";

    public string TunedVariant(AcceptedVariant variant) =>
        string.Join("; ", new[] { $"tuned: equals the accepted variant {variant.Name}", NoLonger(), Still() }.Where(part => part.Length > 0));

    public string Tuned() =>
        corpus.Missed.Count > 0
            ? string.Join("; ", new[] { "tuned: " + NoLonger(), Still() }.Where(part => part.Length > 0))
            : $"tuned: stricter than the reference but no stricter than an accepted variant; misses records such as {disagreement.OnlyReference!.Description}";

    public string TunedToWrittenValues() =>
        $"tuned: not equivalent, but differs only on records CloudTrail does not write, such as {disagreement.OnlyReference!.Description}";

    public string Insufficient() =>
        corpus.Missed.Count > 0
            ? $"insufficient: misses {Populations(corpus.Missed)}" + RequiredNote()
            : $"insufficient: misses records the reference alerts on, such as {disagreement.OnlyReference!.Description} (every population of the control's corpus is still caught)";

    public static string NeverFires(FilterPattern candidate)
    {
        var absent = PatternSelectors.Of(candidate).FirstOrDefault(selector => CloudTrailRecordShape.KindOf(selector) == FieldKind.Absent);
        if (absent is null)
        {
            return "never fires: its conditions cannot all hold on one CloudTrail record";
        }

        return $"never fires: CloudTrail records have no field `{absent.Text}`" +
               (CloudTrailRecordShape.CaseTypo(absent) is { } typo ? $" (field names are case-sensitive: did you mean `{typo.Known}`?)" : "");
    }

    private string NoLonger() => corpus.Missed.Count == 0 ? "" : $"no longer alerts on {Populations(corpus.Missed)}";

    private string Still()
    {
        var required = control.RequiredPopulations.Select(population => population.Name).ToList();
        return corpus.CatchesRequired && required.Count > 0 ? $"still alerts on {Populations(required)}" : "";
    }

    private string RequiredNote()
    {
        var missedRequired = control.RequiredPopulations.Select(population => population.Name).Where(corpus.Missed.Contains).ToList();
        return missedRequired.Count == 0 ? "" : $" (the control requires {string.Join(", ", missedRequired)})";
    }

    /// <summary>Population names, each with the control that alerts on it instead, if any.</summary>
    private string Populations(IEnumerable<string> names) =>
        string.Join(", ", names.Select(name =>
            control.FindPopulation(name)?.CoveredBy is { } coveredBy ? $"{name} (covered by {coveredBy})" : name));
}
