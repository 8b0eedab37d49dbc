using System.Text.Json.Nodes;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Apply;

/// <summary>
/// PutEventSelectors replaces the trail's whole list, so the list is re-read as CloudTrail sends it and only the
/// management-event members the plan changes are changed: data-event selectors and members Tocsin does not model
/// (DataResources, advanced selectors on resources) go back as they were.
/// </summary>
internal static class SelectorStepApplier
{
    public static async Task<(StepOutcome, string)> ApplyAsync(ApplyContext context, RecordManagementEvents step, CancellationToken cancellationToken)
    {
        var live = await context.CloudTrail.GetEventSelectorsRawAsync(context.Region, step.TrailArn, cancellationToken);
        if (step.AdvancedEventSelectors is { } plannedAdvanced)
        {
            var current = live["AdvancedEventSelectors"] as JsonArray ?? [];
            var merged = (JsonArray)current.DeepClone();
            foreach (var selector in plannedAdvanced.Where(p => !current.Any(c => Same(c, p))))
            {
                // As a JsonNode: JsonArray.Add<T> would wrap the value through reflection, which native AOT cannot do.
                merged.Add((JsonNode)Advanced(selector));
            }

            if (merged.Count == current.Count)
            {
                return (StepOutcome.AlreadyDone, $"trail {step.TrailName}'s advanced event selectors record management events");
            }

            context.Writing();
            await context.CloudTrail.PutEventSelectorsAsync(context.Region, step.TrailArn, null, merged, cancellationToken);
            return (StepOutcome.Applied, $"added an advanced event selector for management events to trail {step.TrailName}, keeping its {current.Count} others");
        }

        var planned = step.EventSelectors ?? [];
        var liveBasic = live["EventSelectors"] as JsonArray ?? [];
        if (liveBasic.Count > planned.Count)
        {
            throw new StepRefusedException($"trail {step.TrailName} has {liveBasic.Count} event selectors now, more than the plan saw; plan again");
        }

        var basic = new JsonArray();
        for (var i = 0; i < planned.Count; i++)
        {
            basic.Add((JsonNode)Basic(i < liveBasic.Count ? liveBasic[i] as JsonObject : null, planned[i]));
        }

        if (JsonNode.DeepEquals(basic, liveBasic))
        {
            return (StepOutcome.AlreadyDone, $"trail {step.TrailName}'s event selectors record read and write management events");
        }

        context.Writing();
        await context.CloudTrail.PutEventSelectorsAsync(context.Region, step.TrailArn, basic, null, cancellationToken);
        return (StepOutcome.Applied, $"set trail {step.TrailName}'s event selectors to record read and write management events, keeping their data resources");
    }

    /// <summary>The live selector with the management members of the planned one; its data resources kept.</summary>
    private static JsonObject Basic(JsonObject? live, EventSelector planned)
    {
        var selector = (JsonObject?)live?.DeepClone() ?? [];
        selector["ReadWriteType"] = planned.ReadWriteType.ToString();
        selector["IncludeManagementEvents"] = planned.IncludeManagementEvents;
        if (planned.ExcludeManagementEventSources.Count > 0 || selector.ContainsKey("ExcludeManagementEventSources"))
        {
            selector["ExcludeManagementEventSources"] = new JsonArray([.. planned.ExcludeManagementEventSources.Select(s => (JsonNode)s)]);
        }

        return selector;
    }

    private static bool Same(JsonNode? live, AdvancedEventSelector planned) =>
        live is JsonObject selector
        && (selector["FieldSelectors"] as JsonArray ?? []).Count == planned.FieldSelectors.Count
        && planned.FieldSelectors.All(field => (selector["FieldSelectors"] as JsonArray ?? []).Any(f => JsonNode.DeepEquals(Strip(f), Field(field))));

    /// <summary>A live field selector without empty operator lists, to compare with one Tocsin writes.</summary>
    private static JsonObject Strip(JsonNode? field)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in field as JsonObject ?? [])
        {
            if (value is not JsonArray { Count: 0 } && value is not null)
            {
                copy[name] = value.DeepClone();
            }
        }

        return copy;
    }

    private static JsonObject Advanced(AdvancedEventSelector selector)
    {
        var written = new JsonObject();
        if (selector.Name is not null)
        {
            written["Name"] = selector.Name;
        }

        written["FieldSelectors"] = new JsonArray([.. selector.FieldSelectors.Select(f => (JsonNode)Field(f))]);
        return written;
    }

    private static JsonObject Field(AdvancedFieldSelector field)
    {
        var written = new JsonObject { ["Field"] = field.Field };
        void Add(string name, IReadOnlyList<string> values)
        {
            if (values.Count > 0)
            {
                written[name] = new JsonArray([.. values.Select(v => (JsonNode)v)]);
            }
        }

        Add("Equals", field.EqualTo);
        Add("StartsWith", field.StartsWith);
        Add("EndsWith", field.EndsWith);
        Add("NotEquals", field.NotEqualTo);
        Add("NotStartsWith", field.NotStartsWith);
        Add("NotEndsWith", field.NotEndsWith);
        return written;
    }
}
