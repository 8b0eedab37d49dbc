using System.Text.Json.Serialization;

namespace Tocsin.Core.Inventory;

/// <summary>What a rule sends its target for each matching event (the target's Input, InputPath or InputTransformer).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventTargetInput>))]
public enum EventTargetInput
{
    /// <summary>The whole matched event (no Input, InputPath or InputTransformer).</summary>
    [JsonStringEnumMemberName("matched-event")]
    MatchedEvent,

    /// <summary>A part of the matched event (InputPath).</summary>
    [JsonStringEnumMemberName("input-path")]
    InputPath,

    /// <summary>Fixed JSON text, the same for every event (Input): the target still hears that something matched.</summary>
    [JsonStringEnumMemberName("constant")]
    Constant,

    /// <summary>A template filled from the event (InputTransformer).</summary>
    [JsonStringEnumMemberName("transformer")]
    Transformer,
}
