using System.Text.Json;
using System.Text.Json.Nodes;
using Tocsin.Core.Inventory;

namespace Tocsin.Iac.CloudFormation;

/// <summary>
/// <c>AWS::Events::Rule</c> as the inventory's rule with its inline targets. The pattern is kept as JSON text whether
/// the template writes it as an object or as a JSON string; <c>State</c> defaults to ENABLED, <c>EventBusName</c> to
/// the default bus (a bus ARN is read as its name). A value that cannot be resolved is unknown with the reason.
/// </summary>
internal static class EventRuleResource
{
    public static EventRule? Read(ResourceProperties rule, ResourceIdentity identity, TemplateResource resource)
    {
        var name = rule.Name(identity.Name) ?? resource.LogicalId;
        var bus = rule.Text("EventBusName");
        var busName = bus.TryGetValue(out var busText) && busText is not null ? BusName(busText) : EventRule.DefaultBus;
        string arn;
        try
        {
            arn = identity.EventRuleArn(resource);
        }
        catch (Unresolvable)
        {
            arn = $"{resource.LogicalId} (its ARN is known only at deployment)";
        }

        var state = rule.Deciding(rule.Read("State", EventRuleState.Enabled, node => ResourceProperties.AsText(node) switch
        {
            "ENABLED" => EventRuleState.Enabled,
            "DISABLED" => EventRuleState.Disabled,
            "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" => EventRuleState.EnabledWithAllCloudTrailManagementEvents,
            var other => throw new Unresolvable($"'{other}' is not a rule state (ENABLED, DISABLED, ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS)"),
        }));
        if (!bus.IsKnown)
        {
            // Whether the rule reads the default bus decides whether it hears the account's events at all.
            state = Observed<EventRuleState>.NotKnown(bus.Unknown, bus.Source);
        }

        return new EventRule(
            name,
            arn,
            busName,
            state,
            rule.Deciding(rule.Read<string?>("EventPattern", null, Pattern)),
            rule.Text("ScheduleExpression"),
            Observed.Known<string?>(null),
            rule.Deciding(rule.Read<IReadOnlyList<EventTarget>>("Targets", [], node => Targets(node, rule.Source))),
            rule.Source);
    }

    /// <summary>A bus named by name or by ARN (<c>arn:aws:events:REGION:ACCOUNT:event-bus/NAME</c>).</summary>
    public static string BusName(string bus) => bus.Contains(":event-bus/", StringComparison.Ordinal) ? bus[(bus.LastIndexOf('/') + 1)..] : bus;

    /// <summary>The pattern as JSON text: an object written in the template, or a string holding JSON.</summary>
    private static string Pattern(JsonNode node)
    {
        if (node is JsonObject)
        {
            return node.ToJsonString();
        }

        var text = ResourceProperties.AsText(node);
        try
        {
            return JsonNode.Parse(text) is JsonObject ? text : throw new Unresolvable("the event pattern is not a JSON object");
        }
        catch (JsonException invalid)
        {
            throw new Unresolvable($"the event pattern is not JSON: {invalid.Message}");
        }
    }

    private static IReadOnlyList<EventTarget> Targets(JsonNode node, Source source) =>
    [
        .. (node as JsonArray ?? throw new Unresolvable("a list of targets was expected")).Select(item => item as JsonObject ?? throw new Unresolvable("a target was expected")).Select(target => new EventTarget(
            ResourceProperties.Field(target, "Id") ?? "",
            ResourceProperties.Field(target, "Arn") ?? throw new Unresolvable("a target names no Arn"),
            Observed.Known(ResourceProperties.Field(target, "RoleArn")),
            Observed.Known(InputOf(target)),
            source)),
    ];

    public static EventTargetInput InputOf(JsonObject target) =>
        target["InputTransformer"] is not null ? EventTargetInput.Transformer
        : target["InputPath"] is not null ? EventTargetInput.InputPath
        : target["Input"] is not null ? EventTargetInput.Constant
        : EventTargetInput.MatchedEvent;
}
