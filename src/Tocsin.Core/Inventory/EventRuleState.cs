using System.Text.Json.Serialization;

namespace Tocsin.Core.Inventory;

/// <summary>A rule's state, spelled in snapshots as AWS spells it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EventRuleState>))]
public enum EventRuleState
{
    /// <summary>Matches events, except AWS management events delivered through CloudTrail (sign-in events are not management API calls).</summary>
    [JsonStringEnumMemberName("ENABLED")]
    Enabled,

    /// <summary>Matches nothing.</summary>
    [JsonStringEnumMemberName("DISABLED")]
    Disabled,

    /// <summary>Matches every event, AWS management events delivered through CloudTrail included.</summary>
    [JsonStringEnumMemberName("ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS")]
    EnabledWithAllCloudTrailManagementEvents,
}
