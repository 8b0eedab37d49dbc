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

    public static EventSpace For(IEnumerable<FilterPattern> patterns) => For(patterns, []);

    /// <param name="probes">Fields that patterns of another language test (event patterns), with their values and tests.</param>
    public static EventSpace For(IEnumerable<FilterPattern> patterns, IReadOnlyList<FieldProbe> probes)
    {
        var atoms = PatternAtoms.Of(patterns);
        var rawAtoms = atoms.RawTextAtoms.Select(PatternMatcher.Compile).Select(matcher => (Func<string, bool>)matcher.Matches).ToList();
        var selectors = atoms.Selectors.Select(entry => entry.Selector).Concat(probes.Select(probe => probe.Selector)).DistinctBy(selector => selector.Text);
        var fields = selectors
            .OrderBy(selector => selector.Steps.Count)
            .ThenBy(selector => selector.Text, StringComparer.Ordinal)
            .Select(selector => Field(selector, atoms, probes.Where(probe => probe.Selector.Text == selector.Text).ToList(), rawAtoms))
            .ToList();
        WithWrittenSources(fields);
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
        string? eventName = null, eventSource = null, eventType = null;
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
                case "$.eventType": eventType = value.Text; break;
            }
        }

        return eventName is null || ((eventSource is null || KnownRecords.IsPlausible(eventName, eventSource)) && (eventType is null || KnownRecords.IsPlausibleType(eventName, eventType)));
    }

    /// <summary>
    /// False when the record's eventSource or eventType is not one CloudTrail writes with its (known) eventName. Such a
    /// record has no EventBridge event of its own kind, since source and detail-type are derived from those fields: an
    /// event pattern is judged on the records whose envelope CloudTrail can produce.
    /// </summary>
    public bool IsDeliverable(int[] choice)
    {
        string? eventName = null, eventSource = null, eventType = null;
        for (var i = 0; i < Fields.Count; i++)
        {
            var text = Fields[i].Values[choice[i]].Text;
            switch (Fields[i].Selector.Text)
            {
                case "$.eventName": eventName = text; break;
                case "$.eventSource": eventSource = text; break;
                case "$.eventType": eventType = text; break;
            }
        }

        return eventName is null
            || ((eventSource is null || KnownRecords.IsPlausible(eventName, eventSource)) && (eventType is null || KnownRecords.IsPlausibleType(eventName, eventType)));
    }

    /// <summary>How unnatural a record reads as an example: the sum of its values' oddness.</summary>
    public int Oddness(int[] choice) => Fields.Select((field, i) => field.Values[choice[i]].Oddness).Sum();

    /// <summary>"eventName is "ConsoleLogin", additionalEventData.MFAUsed is missing", over the fields <paramref name="shown"/>.</summary>
    public string Describe(int[] choice, IReadOnlySet<string> shown) => string.Join(", ", Fields.Select((field, i) =>
        field.Selector == Probe
            ? field.Values[choice[i]].Kind == SpaceValueKind.Missing ? null : $"another field holds {field.Values[choice[i]].Label}"
            : shown.Contains(field.Selector.Text) ? $"{field.Selector.Text[2..]} is {field.Values[choice[i]].Label}" : null).OfType<string>());

    /// <summary>
    /// The values of <c>eventSource</c> and <c>eventType</c> are reduced to one per truth vector of the conditions on
    /// them, so a pattern that asks for another service (<c>source</c> <c>aws.guardduty</c>) would leave the space
    /// no source CloudTrail writes with ConsoleLogin: every sign-in record would be one CloudTrail never writes, and the
    /// pattern would seem to miss nothing. Each known event name of the space keeps the sources and types CloudTrail
    /// writes it with.
    /// </summary>
    private static void WithWrittenSources(List<SpaceField> fields)
    {
        if (fields.FirstOrDefault(field => field.Selector.Text == "$.eventName") is not { } names)
        {
            return;
        }

        for (var i = 0; i < fields.Count; i++)
        {
            var selector = fields[i].Selector.Text;
            if (selector is not ("$.eventSource" or "$.eventType"))
            {
                continue;
            }

            var present = fields[i].Values.Select(value => value.Text).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var missing = names.Values.Select(value => value.Text).OfType<string>()
                .SelectMany(name => KnownRecords.WrittenWith(selector, name))
                .Where(written => !present.Contains(written))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Select(written => SpaceValue.String(written))
                .ToList();
            if (missing.Count > 0)
            {
                fields[i] = fields[i] with { Values = [.. fields[i].Values, .. missing] };
            }
        }
    }

    private static SpaceField Field(JsonSelector selector, PatternAtoms atoms, IReadOnlyList<FieldProbe> probes, IReadOnlyList<Func<string, bool>> rawAtoms)
    {
        var conditions = atoms.Selectors.Where(entry => entry.Selector.Text == selector.Text).SelectMany(entry => entry.Conditions).ToList();
        var testedConditions = conditions.Count;

        // A probe's numbers seed the field like a filter pattern's numeric literal (with its near misses); they only
        // add values, the probe's own test tells them apart.
        conditions.AddRange(probes.SelectMany(probe => probe.Numbers).Distinct().Select(number =>
            new JsonCondition(selector, ComparisonOperator.Equal, new NumberValue(number.ToString("R", System.Globalization.CultureInfo.InvariantCulture), number))));
        var texts = atoms.Texts.Concat(probes.SelectMany(probe => probe.Texts)).ToHashSet(StringComparer.Ordinal);
        var candidates = RepresentativeValues.For(selector, conditions, texts);
        return new SpaceField(selector, Reduce(selector, conditions.Take(testedConditions).ToList(), candidates, [.. rawAtoms, .. probes.Select(probe => probe.Test)]));
    }

    private static List<SpaceValue> Reduce(JsonSelector selector, IReadOnlyList<JsonCondition> conditions, IEnumerable<SpaceValue> candidates, IReadOnlyList<Func<string, bool>> rawAtoms)
    {
        var tests = conditions.Select(condition => (Func<string, bool>)PatternMatcher.Compile(new JsonPattern(condition.ToString(), condition)).Matches).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<SpaceValue>();
        foreach (var value in candidates.DistinctBy(value => (value.Kind, value.Raw)))
        {
            var builder = new RecordBuilder();
            builder.Place(selector, value);
            var record = builder.ToJson();
            var signature = string.Concat(tests.Concat(rawAtoms).Select(test => test(record) ? '1' : '0'));
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
