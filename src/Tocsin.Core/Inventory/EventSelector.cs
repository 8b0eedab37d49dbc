using System.Text.Json.Serialization;

namespace Tocsin.Core.Inventory;

/// <summary>A basic event selector (GetEventSelectors <c>EventSelectors</c>).</summary>
/// <param name="ReadWriteType">Which management events of the selector are recorded.</param>
/// <param name="IncludeManagementEvents">Whether management events are recorded at all.</param>
/// <param name="ExcludeManagementEventSources">Event sources excluded, e.g. <c>kms.amazonaws.com</c>.</param>
public sealed record EventSelector(
    ReadWriteType ReadWriteType,
    bool IncludeManagementEvents,
    IReadOnlyList<string> ExcludeManagementEventSources);

/// <summary>ReadWriteType of a basic event selector, spelled as AWS spells it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReadWriteType>))]
public enum ReadWriteType
{
    All,
    ReadOnly,
    WriteOnly,
}
