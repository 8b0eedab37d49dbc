using System.Collections.Concurrent;
using Tocsin.Core.Controls;
using Tocsin.Core.EventPatterns;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.Evaluation;

/// <summary>
/// Verdicts per control and pattern text, computed once: an organization repeats the same few patterns across
/// hundreds of accounts. Filter patterns and EventBridge event patterns are kept apart, as the same text means
/// different things in the two languages.
/// </summary>
internal sealed class FilterJudge
{
    private readonly ConcurrentDictionary<(string ControlId, string Pattern), PatternVerdict> _verdicts = new();
    private readonly ConcurrentDictionary<(string ControlId, string Pattern), PatternVerdict> _eventPatternVerdicts = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<string>> _alertingEvents = new();

    public PatternVerdict Judge(Control control, string pattern) =>
        _verdicts.GetOrAdd((control.Id, pattern), key => PatternJudge.Judge(key.Pattern, control));

    /// <summary>The verdict on an EventBridge rule's event pattern, by the same judge.</summary>
    public PatternVerdict JudgeEventPattern(Control control, string pattern) =>
        _eventPatternVerdicts.GetOrAdd((control.Id, pattern), key => EventPatternJudge.Judge(key.Pattern, control));

    /// <summary>The events EventBridge delivers for the records the control's reference alerts on.</summary>
    public IReadOnlyList<string> AlertingEvents(Control control) =>
        _alertingEvents.GetOrAdd(control.Id, _ => [.. control.Corpus.Where(record => record.Alerts).Select(record => CloudTrailEnvelope.Wrap(record.Event))]);
}
