using System.Text.Json;
using System.Text.Json.Nodes;
using Tocsin.Core.Inventory;

namespace Tocsin.Iac.Terraform;

/// <summary>
/// <c>aws_cloudwatch_event_rule</c> with the <c>aws_cloudwatch_event_target</c>s that name it, as the inventory's
/// rules. The pattern is the JSON text <c>event_pattern</c> holds (usually <c>jsonencode(...)</c>); the state is
/// <c>state</c>, else the older <c>is_enabled</c>, else ENABLED; the bus <c>event_bus_name</c>, else the default bus.
/// </summary>
internal static class EventRuleRecords
{
    private const string Rule = "aws_cloudwatch_event_rule";
    private const string Target = "aws_cloudwatch_event_target";

    public static IReadOnlyList<EventRule> Rules(IReadOnlyList<ResourceInstance> resources, IacSettings settings)
    {
        var targets = resources.Where(r => r.Type == Target).Select(t => (Resource: t, RuleName: t.Get("rule"), Bus: Bus(t))).ToList();
        var unplaced = targets.FirstOrDefault(t => t.RuleName is not HclString || !t.Bus.IsKnown);
        var rules = new List<EventRule>();
        foreach (var rule in resources.Where(r => r.Type == Rule))
        {
            var bus = Bus(rule);
            var busName = bus.TryGetValue(out var known) ? known : EventRule.DefaultBus;
            var name = rule.Get("name") is HclString { Value: var text } ? text : rule.Address;
            var own = targets.Where(t => t.RuleName is HclString r && r.Value == name && t.Bus.Is(b => b == busName)).Select(t => TargetOf(t.Resource)).ToList();
            var listed = unplaced.Resource is not null && own.Count == 0
                ? Observe.Unresolved<IReadOnlyList<EventTarget>>($"{unplaced.Resource.Address} targets a rule not known before apply ({HclEvaluator.Describe(unplaced.RuleName)})", unplaced.Resource.Source)
                : Observed.Known<IReadOnlyList<EventTarget>>(own, rule.Source);
            var state = bus.IsKnown ? State(rule) : Observed<EventRuleState>.NotKnown(bus.Unknown, bus.Source);
            rules.Add(new EventRule(
                name,
                settings.Arn("events", busName == EventRule.DefaultBus ? $"rule/{name}" : $"rule/{busName}/{name}"),
                busName,
                state,
                Pattern(rule),
                Observe.Text(rule, "schedule_expression"),
                Observed.Known<string?>(null),
                listed,
                rule.Source));
        }

        return rules;
    }

    /// <summary>The bus a rule or target names (a name or an ARN), the default bus when unset.</summary>
    private static Observed<string> Bus(ResourceInstance resource) => Observe.Text(resource, "event_bus_name") switch
    {
        { IsKnown: true, Value: null } unset => Observed.Known(EventRule.DefaultBus, unset.Source),
        { IsKnown: true, Value: { } bus } named => Observed.Known(bus.Contains(":event-bus/", StringComparison.Ordinal) ? bus[(bus.LastIndexOf('/') + 1)..] : bus, named.Source),
        var unknown => Observed<string>.NotKnown(unknown.Unknown!, unknown.Source),
    };

    private static Observed<EventRuleState> State(ResourceInstance rule)
    {
        if (rule.Has("state"))
        {
            var state = Observe.Text(rule, "state");
            return state.TryGetValue(out var text) ? text switch
            {
                "ENABLED" => Observed.Known(EventRuleState.Enabled, state.Source),
                "DISABLED" => Observed.Known(EventRuleState.Disabled, state.Source),
                "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" => Observed.Known(EventRuleState.EnabledWithAllCloudTrailManagementEvents, state.Source),
                _ => Observe.Unresolved<EventRuleState>($"{rule.Address}.state is '{text}', not ENABLED, DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS", state.Source),
            }
            : Observed<EventRuleState>.NotKnown(state.Unknown!, state.Source);
        }

        var enabled = Observe.Bool(rule, "is_enabled", whenUnset: true);
        return enabled.TryGetValue(out var on)
            ? Observed.Known(on ? EventRuleState.Enabled : EventRuleState.Disabled, enabled.Source)
            : Observed<EventRuleState>.NotKnown(enabled.Unknown!, enabled.Source);
    }

    private static Observed<string?> Pattern(ResourceInstance rule)
    {
        var pattern = Observe.Text(rule, "event_pattern");
        if (!pattern.TryGetValue(out var text) || text is null)
        {
            return pattern;
        }

        try
        {
            return JsonNode.Parse(text) is JsonObject ? pattern : Observe.Unresolved<string?>($"{rule.Address}.event_pattern is not a JSON object", pattern.Source);
        }
        catch (JsonException invalid)
        {
            return Observe.Unresolved<string?>($"{rule.Address}.event_pattern is not JSON: {invalid.Message}", pattern.Source);
        }
    }

    private static EventTarget TargetOf(ResourceInstance target)
    {
        var arn = Observe.Text(target, "arn");
        var input = target.Has("input_transformer") || target.Body.BlocksOf("input_transformer").Any() ? EventTargetInput.Transformer
            : target.Has("input_path") ? EventTargetInput.InputPath
            : target.Has("input") ? EventTargetInput.Constant
            : EventTargetInput.MatchedEvent;
        return new EventTarget(
            target.Get("target_id") is HclString { Value: var id } ? id : target.Address,
            arn.TryGetValue(out var known) && known is not null ? known : $"{target.Address}.arn (not known before apply: {arn.Unknown?.Detail ?? "unset"})",
            Observe.Text(target, "role_arn"),
            Observed.Known(input, target.Source),
            target.Source);
    }
}
