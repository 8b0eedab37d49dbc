using System.Text.Json.Nodes;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>
/// Event patterns, through the matcher the host was given (<see cref="EmulatorState.EventPatterns"/>): the emulator
/// does not judge patterns itself.
/// </summary>
internal static class EventPatternOperations
{
    /// <summary>The members TestEventPattern requires of an event.</summary>
    private static readonly string[] EnvelopeFields = ["id", "account", "source", "time", "region", "resources", "detail-type"];

    /// <summary>Why PutRule must refuse the pattern: the matcher's reason, or without one, text that is not a JSON object.</summary>
    public static string? ProblemWith(EmulatorState state, string pattern)
    {
        if (state.EventPatterns is { } matcher)
        {
            return matcher.ProblemWith(pattern);
        }

        try
        {
            return JsonNode.Parse(pattern) is JsonObject ? null : "Filter is not an object";
        }
        catch (System.Text.Json.JsonException)
        {
            return "Filter is not valid JSON";
        }
    }

    public static JsonObject Test(CallContext call)
    {
        var pattern = call.Input.Required("EventPattern");
        var eventText = call.Input.Required("Event");
        var matcher = call.State.EventPatterns
            ?? throw new AwsError("ValidationException", "TestEventPattern is not supported by this emulator: it was started without an event pattern matcher.");
        if (matcher.ProblemWith(pattern) is { } problem)
        {
            throw new AwsError("InvalidEventPatternException", $"Event pattern is not valid. Reason: {problem}");
        }

        JsonObject? envelope;
        try
        {
            envelope = JsonNode.Parse(eventText) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            envelope = null;
        }

        if (envelope is null || EnvelopeFields.Any(field => envelope[field] is null))
        {
            throw new AwsError("ValidationException", "Parameter Event is not valid.");
        }

        return new JsonObject { ["Result"] = matcher.Matches(pattern, eventText) };
    }
}
