using System.Text.Json.Nodes;
using Tocsin.Aws.Http;
using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Clients;

/// <summary>A rule as ListRules describes it (<paramref name="State"/> as AWS spells it); its targets are read separately.</summary>
public sealed record RuleDescription(
    string Name,
    string Arn,
    string EventBusName,
    string? State,
    string? EventPattern,
    string? ScheduleExpression,
    string? ManagedBy);

/// <summary>
/// EventBridge over awsJson1_1 (target prefix <c>AWSEvents</c>), on the account's default event bus. ListRules carries
/// every field DescribeRule would (pattern, state, schedule, managing service), so rules are not described one by one.
/// </summary>
public sealed class EventsClient(AwsSession session)
{
    private const string Target = "AWSEvents";

    /// <summary>Every rule on the default bus of <paramref name="region"/>, all pages.</summary>
    [RequiresPermission("events:ListRules", ForEventBridge = true)]
    public async Task<IReadOnlyList<RuleDescription>> ListRulesAsync(string region, CancellationToken cancellationToken)
    {
        var rules = new List<RuleDescription>();
        string? token = null;
        do
        {
            var input = new JsonObject { ["EventBusName"] = EventRule.DefaultBus };
            if (token is not null)
            {
                input["NextToken"] = token;
            }

            var reply = await session.JsonAsync(AwsService.Events, region, Target, "ListRules", input, cancellationToken);
            rules.AddRange(reply.Array("Rules").Select(r => new RuleDescription(
                r.Str("Name") ?? "",
                r.Str("Arn") ?? "",
                r.Str("EventBusName") ?? EventRule.DefaultBus,
                r.Str("State"),
                r.Str("EventPattern"),
                r.Str("ScheduleExpression"),
                r.Str("ManagedBy"))));
            token = reply.Str("NextToken");
        }
        while (!string.IsNullOrEmpty(token));

        return rules;
    }

    /// <summary>Every target of the rule <paramref name="ruleName"/> on the default bus, all pages.</summary>
    [RequiresPermission("events:ListTargetsByRule", ForEventBridge = true)]
    public async Task<IReadOnlyList<EventTarget>> ListTargetsByRuleAsync(string region, string ruleName, CancellationToken cancellationToken)
    {
        var targets = new List<EventTarget>();
        string? token = null;
        do
        {
            var input = new JsonObject { ["Rule"] = ruleName, ["EventBusName"] = EventRule.DefaultBus };
            if (token is not null)
            {
                input["NextToken"] = token;
            }

            var reply = await session.JsonAsync(AwsService.Events, region, Target, "ListTargetsByRule", input, cancellationToken);
            targets.AddRange(reply.Array("Targets").Select(t => new EventTarget(
                t.Str("Id") ?? "",
                t.Str("Arn") ?? "",
                Observed.Known(t.Str("RoleArn")),
                Observed.Known(InputOf(t)))));
            token = reply.Str("NextToken");
        }
        while (!string.IsNullOrEmpty(token));

        return targets;
    }

    private static EventTargetInput InputOf(JsonNode? target) =>
        target is JsonObject members && members["InputTransformer"] is JsonObject ? EventTargetInput.Transformer
        : target.Str("InputPath") is not null ? EventTargetInput.InputPath
        : target.Str("Input") is not null ? EventTargetInput.Constant
        : EventTargetInput.MatchedEvent;
}
