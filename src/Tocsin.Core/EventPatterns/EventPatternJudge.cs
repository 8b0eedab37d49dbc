using Tocsin.Core.Controls;
using Tocsin.Core.Patterns.Syntax;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.EventPatterns;

/// <summary>
/// Judges an EventBridge event pattern against a control exactly as a filter pattern is judged (one judge for both
/// languages, DESIGN.md): every record of the control's record space is wrapped into the event EventBridge delivers
/// for it (<see cref="CloudTrailEnvelope"/>) and matched there, and the verdict names the same populations.
/// </summary>
public static class EventPatternJudge
{
    public static PatternVerdict Judge(string patternText, Control control)
    {
        ArgumentNullException.ThrowIfNull(control);
        var parsed = EventPatternParser.Parse(patternText);
        if (parsed.Pattern is not { } pattern)
        {
            var error = parsed.Error!;
            return new PatternVerdict(VerdictKind.Unparseable, null, null, [], [], [], $"unparseable: {error.Message}", new PatternError(error.Column, error.Message));
        }

        var matcher = new EventPatternMatcher(pattern);
        var probes = EventPatternProbes.Of(pattern);
        return PatternJudge.Judge(new JudgedCandidate(
            new EnvelopeRecordMatcher(matcher),
            [],
            probes,
            probes.Select(probe => probe.Selector.Text),
            () => NeverFires(pattern, control),
            OnlyDeliverable: true), control);
    }

    private static string NeverFires(EventPattern pattern, Control control)
    {
        var leaves = EventPatternProbes.Leaves(pattern.Root, []).ToList();
        foreach (var (path, _) in leaves)
        {
            if (EventPatternProbes.RecordSelector(path) is { } selector && path[0] == "detail" && CloudTrailRecordShape.KindOf(selector) == FieldKind.Absent)
            {
                return $"never fires: CloudTrail records have no field `{string.Join(".", path)}`" +
                       (CloudTrailRecordShape.CaseTypo(selector) is { } typo ? $" (field names are case-sensitive: did you mean `detail.{typo.Known}`?)" : "");
            }
        }

        // An envelope field that no event of the control's records carries: name what they carry instead.
        var alerting = control.Corpus.Where(record => record.Alerts).Select(record => CloudTrailEnvelope.Wrap(record.Event)).ToList();
        foreach (var (path, leaf) in leaves.Where(entry => entry.Path is ["detail-type"] or ["source"]))
        {
            var test = new EventPatternMatcher(new EventPattern("", new PatternObject([leaf])));
            if (alerting.Count > 0 && !alerting.Any(test.Matches))
            {
                var carried = control.Corpus.Where(record => record.Alerts).Select(record => Envelope(record.Event, path[0])).Distinct().Order(StringComparer.Ordinal);
                return $"never fires: the control's events arrive with {path[0]} {string.Join(" or ", carried.Select(value => $"`{value}`"))}, which `{path[0]}` in the pattern does not match";
            }
        }

        return "never fires: its conditions cannot all hold on one event EventBridge delivers for a CloudTrail record";
    }

    private static string Envelope(System.Text.Json.JsonElement record, string field) => field == "source"
        ? CloudTrailEnvelope.SourceFor(record.GetProperty("eventSource").GetString() ?? "")
        : CloudTrailEnvelope.DetailTypeFor(record.GetProperty("eventType").GetString() ?? "");

    private sealed class EnvelopeRecordMatcher(EventPatternMatcher matcher) : IRecordMatcher
    {
        public bool Matches(string record) => matcher.Matches(CloudTrailEnvelope.Wrap(record));
    }
}
