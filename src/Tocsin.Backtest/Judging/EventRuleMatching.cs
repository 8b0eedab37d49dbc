using System.Text;
using System.Text.Json;
using Tocsin.Backtest.Subjects;
using Tocsin.Core.EventPatterns;
using Tocsin.Core.Patterns.Matching;

namespace Tocsin.Backtest.Judging;

/// <summary>
/// The event-pattern subjects of a backtest: a record that could match one (it holds one of the pattern's
/// <see cref="EventRuleSubject.Anchors"/> as written, or a <c>\u</c> escape, or the pattern has none) is wrapped as
/// EventBridge delivers it (<see cref="CloudTrailEnvelope.Wrap(JsonElement)"/>) and matched. Holds no per-record state.
/// </summary>
internal sealed class EventRuleMatching
{
    private static readonly JsonDocumentOptions RecordOptions = new() { MaxDepth = 64 };

    private readonly (int Index, EventPatternMatcher Matcher, byte[][]? Anchors)[] _rules;

    public EventRuleMatching(IReadOnlyList<BacktestSubject> subjects)
    {
        _rules =
        [
            .. subjects.Select((subject, index) => (subject, index))
                .Where(s => s.subject.EventRule is not null)
                .Select(s => (s.index, s.subject.EventRule!.Matcher, s.subject.EventRule.Anchors?.Select(Encoding.UTF8.GetBytes).ToArray())),
        ];
    }

    public bool Any => _rules.Length > 0;

    /// <summary>
    /// What the reading prefilter may search for so that no record an event pattern could match is skipped: the
    /// filter patterns' anchors with every event pattern's texts added, or null (every record is read) when any
    /// pattern of either language has none.
    /// </summary>
    public AnchorTexts? Widen(PatternMatcherSet filters)
    {
        if (!Any)
        {
            return filters.Anchors;
        }

        if (_rules.Any(rule => rule.Anchors is null) || (filters.Matchers.Count > 0 && filters.Anchors is null))
        {
            return null;
        }

        var others = _rules.SelectMany(rule => rule.Anchors!).Select(Encoding.UTF8.GetString);
        return filters.Anchors is { } anchors
            ? new AnchorTexts(anchors.EventNames, [.. anchors.Others.Concat(others).Distinct(StringComparer.Ordinal)])
            : new AnchorTexts([], [.. others.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Sets <c>matches[i]</c> for each event-pattern subject <c>i</c>; returns how many matched.</summary>
    public int Match(ReadOnlySpan<byte> record, bool[] matches)
    {
        var escaped = record.IndexOf("\\u"u8) >= 0;
        string? wrapped = null;
        var wrappable = true;
        var count = 0;
        foreach (var (index, matcher, anchors) in _rules)
        {
            matches[index] = false;
            if (!wrappable || (!escaped && anchors is not null && !HoldsAny(record, anchors)))
            {
                continue;
            }

            wrapped ??= Wrap(record);
            wrappable = wrapped is not null;
            if (wrapped is not null && matcher.Matches(wrapped))
            {
                matches[index] = true;
                count++;
            }
        }

        return count;
    }

    private static bool HoldsAny(ReadOnlySpan<byte> record, byte[][] texts)
    {
        foreach (var text in texts)
        {
            if (record.IndexOf(text) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The event for the record; null for a record that is not a JSON object, which no pattern matches.</summary>
    private static string? Wrap(ReadOnlySpan<byte> record)
    {
        var reader = new Utf8JsonReader(record, new JsonReaderOptions { MaxDepth = RecordOptions.MaxDepth });
        try
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object ? CloudTrailEnvelope.Wrap(document.RootElement) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
