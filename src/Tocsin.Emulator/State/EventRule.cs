using System.Text.Json.Nodes;

namespace Tocsin.Emulator.State;

/// <summary>An EventBridge rule on an account's default event bus in one region, with its targets as PutTargets stored them.</summary>
public sealed class EventRule(string accountId, string region, string name, string createdBy)
{
    public const string DefaultBus = "default";

    public string AccountId { get; } = accountId;

    public string Region { get; } = region;

    public string Name { get; } = name;

    /// <summary>The account that put the rule (DescribeRule <c>CreatedBy</c>).</summary>
    public string CreatedBy { get; } = createdBy;

    public string Arn => $"arn:aws:events:{Region}:{AccountId}:rule/{Name}";

    /// <summary>ENABLED, DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS.</summary>
    public string State { get; set; } = "ENABLED";

    /// <summary>The event pattern text exactly as put; null for a rule on a schedule only.</summary>
    public string? EventPattern { get; set; }

    public string? ScheduleExpression { get; set; }

    public string? Description { get; set; }

    public string? RoleArn { get; set; }

    /// <summary>The targets in the order they were first put; a put with an existing id replaces that target in place.</summary>
    public List<JsonObject> Targets { get; } = [];

    public SortedDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
