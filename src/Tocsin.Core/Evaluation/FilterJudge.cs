using System.Collections.Concurrent;
using Tocsin.Core.Controls;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.Evaluation;

/// <summary>
/// Verdicts per control and pattern text, computed once: an organization repeats the same few patterns across
/// hundreds of accounts.
/// </summary>
internal sealed class FilterJudge
{
    private readonly ConcurrentDictionary<(string ControlId, string Pattern), PatternVerdict> _verdicts = new();

    public PatternVerdict Judge(Control control, string pattern) =>
        _verdicts.GetOrAdd((control.Id, pattern), key => PatternJudge.Judge(key.Pattern, control));
}
