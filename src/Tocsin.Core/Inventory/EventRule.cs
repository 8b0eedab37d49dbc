namespace Tocsin.Core.Inventory;

/// <summary>
/// An EventBridge rule on an event bus (ListRules, DescribeRule) and the targets it sends matching events to
/// (ListTargetsByRule). The region is the region that holds the rule.
/// </summary>
/// <param name="Name">The rule name, unique on its bus.</param>
/// <param name="Arn">The rule ARN: <c>arn:aws:events:REGION:ACCOUNT:rule/NAME</c> on the default bus, <c>rule/BUS/NAME</c> on another.</param>
/// <param name="EventBusName">The bus the rule reads, <c>default</c> for the account's default bus.</param>
/// <param name="State">Whether the rule matches events, and whether it also sees CloudTrail management events.</param>
/// <param name="EventPattern">The raw event pattern JSON text, exactly as stored; null for a rule that runs on a schedule only.</param>
/// <param name="ScheduleExpression">The schedule (<c>rate(5 minutes)</c>, <c>cron(...)</c>), null when the rule is not scheduled.</param>
/// <param name="ManagedBy">The service principal that manages the rule (e.g. another AWS service), null for a rule of the account's own.</param>
/// <param name="Targets">Where matching events go.</param>
public sealed record EventRule(
    string Name,
    string Arn,
    string EventBusName,
    Observed<EventRuleState> State,
    Observed<string?> EventPattern,
    Observed<string?> ScheduleExpression,
    Observed<string?> ManagedBy,
    Observed<IReadOnlyList<EventTarget>> Targets,
    Source? Source = null)
{
    /// <summary>The name of every account's default event bus, the one AWS services (CloudTrail among them) deliver to.</summary>
    public const string DefaultBus = "default";
}
