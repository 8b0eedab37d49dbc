using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>
/// A finite stand-in for every CloudTrail record the judged patterns could see. Each selected field gets its
/// representative values, reduced to one value per distinct truth vector of the conditions on that field
/// (two values no condition tells apart are interchangeable); the space is every combination of those.
/// </summary>
internal sealed class EventSpace
{
    /// <summary>Spaces larger than this are decided on a seeded sample of this many records, and say so.</summary>
    public const int MaxRecords = 250_000;

    private static readonly JsonSelector Probe = new("$.requestParameters.tocsinProbe", [new PropertyStep("requestParameters"), new PropertyStep("tocsinProbe")]);

    private EventSpace(IReadOnlyList<SpaceField> fields) => Fields = fields;

    public IReadOnlyList<SpaceField> Fields { get; }

    public long Size => Fields.Aggregate(1L, (size, next) => size > MaxRecords ? size : size * next.Values.Count);

    public bool Sampled => Size > MaxRecords;

    public static EventSpace For(IEnumerable<FilterPattern> patterns)
    {
        var atoms = PatternAtoms.Of(patterns);
        var rawAtoms = atoms.RawTextAtoms.Select(PatternMatcher.Compile).ToList();
        var fields = atoms.Selectors
            .OrderBy(entry => entry.Selector.Steps.Count)
            .ThenBy(entry => entry.Selector.Text, StringComparer.Ordinal)
            
            .Select(entry => new SpaceField(entry.Selector, Reduce(entry.Selector, entry.Conditions, RepresentativeValues.For(entry.Selector, entry.Conditions, atoms.Texts), rawAtoms)))
            .ToList();
        if (atoms.RawTextAtoms.Count > 0)
        {
            // Raw-text patterns also match text anywhere else in a record: a field no pattern selects carries it.
            var probeValues = atoms.Texts.Select(SpaceValue.String).Prepend(SpaceValue.Missing);
            fields.Add(new SpaceField(Probe, Reduce(Probe, [], probeValues, rawAtoms)));
        }

        return new EventSpace(fields);
    }

    /// <summary>Every record of the space, or a seeded sample when it is larger than <see cref="MaxRecords"/>.</summary>
    public IEnumerable<int[]> Choices()
    {
        if (Sampled)
        {
            var random = new Random(20140328);
            for (var n = 0; n < MaxRecords; n++)
            {
                yield return [.. Fields.Select(field => random.Next(field.Values.Count))];
            }

            yield break;
        }

        var choice = new int[Fields.Count];
        while (true)
        {
            yield return (int[])choice.Clone();
            var i = Fields.Count - 1;
            while (i >= 0 && ++choice[i] == Fields[i].Values.Count)
            {
                choice[i] = 0;
                i--;
            }

            if (i < 0)
            {
                yield break;
            }
        }
    }

    public string Record(int[] choice)
    {
        var builder = new RecordBuilder();
        for (var i = 0; i < Fields.Count; i++)
        {
            builder.Place(Fields[i].Selector, Fields[i].Values[choice[i]]);
        }

        return builder.ToJson();
    }

    /// <summary>
    /// False when a field with a closed set of CloudTrail values (MFAUsed: Yes or No) holds anything else: such a
    /// record is in the space to decide equivalence exactly, but CloudTrail never writes it.
    /// </summary>
    public bool IsRealistic(int[] choice)
    {
        string? eventName = null, eventSource = null;
        for (var i = 0; i < Fields.Count; i++)
        {
            var value = Fields[i].Values[choice[i]];
            if (value.Kind != SpaceValueKind.Missing && CloudTrailRecordShape.ClosedDomain(Fields[i].Selector) is { } domain
                && (value.Text is null || !domain.Contains(value.Text)))
            {
                return false;
            }

            switch (Fields[i].Selector.Text)
            {
                case "$.eventName": eventName = value.Text; break;
                case "$.eventSource": eventSource = value.Text; break;
            }
        }

        return eventName is null || eventSource is null || KnownRecords.IsPlausible(eventName, eventSource);
    }

    /// <summary>How unnatural a record reads as an example: the sum of its values' oddness.</summary>
    public int Oddness(int[] choice) => Fields.Select((field, i) => field.Values[choice[i]].Oddness).Sum();

    /// <summary>"eventName is "ConsoleLogin", additionalEventData.MFAUsed is missing", over the fields <paramref name="shown"/>.</summary>
    public string Describe(int[] choice, IReadOnlySet<string> shown) => string.Join(", ", Fields.Select((field, i) =>
        field.Selector == Probe
            ? field.Values[choice[i]].Kind == SpaceValueKind.Missing ? null : $"another field holds {field.Values[choice[i]].Label}"
            : shown.Contains(field.Selector.Text) ? $"{field.Selector.Text[2..]} is {field.Values[choice[i]].Label}" : null).OfType<string>());

    private static List<SpaceValue> Reduce(JsonSelector selector, IReadOnlyList<JsonCondition> conditions, IEnumerable<SpaceValue> candidates, IReadOnlyList<PatternMatcher> rawAtoms)
    {
        var tests = conditions.Select(condition => PatternMatcher.Compile(new JsonPattern(condition.ToString(), condition))).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<SpaceValue>();
        foreach (var value in candidates.DistinctBy(value => (value.Kind, value.Raw)))
        {
            var builder = new RecordBuilder();
            builder.Place(selector, value);
            var record = builder.ToJson();
            var signature = string.Concat(tests.Concat(rawAtoms).Select(test => test.Matches(record) ? '1' : '0'));
            if (seen.Add(signature))
            {
                kept.Add(value);
            }
        }

        return kept;
    }
}

/// <summary>One selected field of the event space and the values it takes.</summary>
internal sealed record SpaceField(JsonSelector Selector, IReadOnlyList<SpaceValue> Values);
