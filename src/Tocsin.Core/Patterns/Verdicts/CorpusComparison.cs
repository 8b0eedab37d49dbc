using Tocsin.Core.Controls;

namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>Which of the control's labelled populations the candidate misses or adds, compared with one reference.</summary>
internal sealed record CorpusComparison(IReadOnlyList<string> Missed, IReadOnlyList<string> Extra, bool CatchesRequired)
{
    public static CorpusComparison Run(Control control, IRecordMatcher candidate, IRecordMatcher reference)
    {
        var missed = new SortedSet<string>(StringComparer.Ordinal);
        var extra = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var labelled in control.Corpus)
        {
            var c = candidate.Matches(labelled.Message);
            var r = reference.Matches(labelled.Message);
            if (r && !c)
            {
                missed.Add(labelled.Population);
            }
            else if (c && !r)
            {
                extra.Add(labelled.Population);
            }
        }

        var required = control.RequiredPopulations.Select(population => population.Name);
        return new CorpusComparison([.. missed], [.. extra], !required.Any(missed.Contains));
    }
}
