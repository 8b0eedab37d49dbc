using System.Text.Json.Nodes;
using Tocsin.Emulator.Protocol;

namespace Tocsin.Emulator.Services;

/// <summary>
/// Get/PutEventSelectors: a trail has either basic or advanced selectors; putting one kind clears the other.
/// </summary>
internal static class EventSelectorOperations
{
    private static readonly string[] ReadWriteTypes = ["ReadOnly", "WriteOnly", "All"];

    public static JsonObject Get(CallContext call)
    {
        var trail = TrailVisibility.Find(call, call.Input.Required("TrailName", "InvalidTrailNameException"));
        var output = new JsonObject { ["TrailARN"] = trail.Arn };
        if (trail.AdvancedEventSelectors is { } advanced)
        {
            output["AdvancedEventSelectors"] = advanced.DeepClone();
        }
        else
        {
            output["EventSelectors"] = (trail.EventSelectors ?? []).DeepClone();
        }

        return output;
    }

    public static JsonObject Put(CallContext call)
    {
        var trail = TrailVisibility.FindOwned(call, call.Input.Required("TrailName", "InvalidTrailNameException"));
        var basic = call.Input["EventSelectors"] as JsonArray;
        var advanced = call.Input["AdvancedEventSelectors"] as JsonArray;
        if (basic is null == advanced is null)
        {
            throw new AwsError("InvalidEventSelectorsException", "Specify either event selectors or advanced event selectors, but not both.");
        }

        if (basic is not null)
        {
            if (basic.Count > 5)
            {
                throw new AwsError("InvalidEventSelectorsException", "A trail can have at most 5 event selectors.");
            }

            trail.EventSelectors = [.. basic.OfType<JsonObject>().Select(Normalise)];
            trail.AdvancedEventSelectors = null;
        }
        else
        {
            foreach (var selector in advanced!.OfType<JsonObject>())
            {
                if (selector.Objects("FieldSelectors").Count == 0)
                {
                    throw new AwsError("InvalidEventSelectorsException", "Each advanced event selector needs at least one field selector.");
                }
            }

            trail.AdvancedEventSelectors = (JsonArray)advanced!.DeepClone();
            trail.EventSelectors = null;
        }

        trail.HasCustomEventSelectors = true;
        var output = Get(call with { Input = new JsonObject { ["TrailName"] = trail.Arn } });
        return output;
    }

    private static JsonNode Normalise(JsonObject selector)
    {
        var readWrite = selector.Str("ReadWriteType") ?? "All";
        if (!ReadWriteTypes.Contains(readWrite))
        {
            throw new AwsError("InvalidEventSelectorsException", $"ReadWriteType must be one of ReadOnly, WriteOnly, All, not '{readWrite}'.");
        }

        return new JsonObject
        {
            ["ReadWriteType"] = readWrite,
            ["IncludeManagementEvents"] = selector.Bool("IncludeManagementEvents") ?? true,
            ["DataResources"] = (selector["DataResources"] as JsonArray)?.DeepClone() ?? new JsonArray(),
            ["ExcludeManagementEventSources"] = (selector["ExcludeManagementEventSources"] as JsonArray)?.DeepClone() ?? new JsonArray(),
        };
    }
}
