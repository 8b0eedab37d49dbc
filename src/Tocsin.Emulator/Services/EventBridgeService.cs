using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>
/// EventBridge (awsJson1_1, target prefix <c>AWSEvents</c>): rules on each account's default event bus, their targets
/// and tags. Other buses do not exist here. A put under an existing name replaces the rule's settings, as AWS does.
/// </summary>
internal static partial class EventBridgeService
{
    private const int MaxPatternLength = 4096;

    public static readonly ServiceDefinition Definition = new(
        "events", "events", WireProtocol.Json, "AWSEvents", "1.1", null,
        new Dictionary<string, Operation>
        {
            ["PutRule"] = PutRule,
            ["DescribeRule"] = DescribeRule,
            ["ListRules"] = ListRules,
            ["DeleteRule"] = DeleteRule,
            ["EnableRule"] = call => SetState(call, "ENABLED"),
            ["DisableRule"] = call => SetState(call, "DISABLED"),
            ["PutTargets"] = EventTargetOperations.Put,
            ["ListTargetsByRule"] = EventTargetOperations.List,
            ["RemoveTargets"] = EventTargetOperations.Remove,
            ["TestEventPattern"] = EventPatternOperations.Test,
            ["TagResource"] = EventRuleTags.Tag,
            ["UntagResource"] = EventRuleTags.Untag,
            ["ListTagsForResource"] = EventRuleTags.List,
        });

    private static readonly string[] States = ["ENABLED", "DISABLED", "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"];

    [GeneratedRegex(@"^[\.\-_A-Za-z0-9]{1,64}$")]
    public static partial Regex Name();

    /// <summary>The rule named by <paramref name="member"/> on the bus the call names.</summary>
    public static EventRule Rule(CallContext call, string member)
    {
        var name = call.Input.Required(member);
        CheckBus(call);
        return call.Here.EventRules.GetValueOrDefault(name)
            ?? throw new AwsError("ResourceNotFoundException", $"Rule {name} does not exist on EventBus {EventRule.DefaultBus}.");
    }

    /// <summary>Only the default bus exists: by name, or by its ARN in the caller's account and region.</summary>
    public static void CheckBus(CallContext call)
    {
        var bus = call.Input.Str("EventBusName");
        if (bus is null || bus == EventRule.DefaultBus || bus == $"arn:aws:events:{call.Region}:{call.Account.Id}:event-bus/{EventRule.DefaultBus}")
        {
            return;
        }

        throw new AwsError("ResourceNotFoundException", $"Event bus {bus} does not exist.");
    }

    public static string CheckName(string name, string member) =>
        Name().IsMatch(name)
            ? name
            : throw new AwsError("ValidationException", $"1 validation error detected: Value '{name}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+");

    private static JsonObject PutRule(CallContext call)
    {
        var name = CheckName(call.Input.Required("Name"), "name");
        CheckBus(call);
        var pattern = call.Input.Str("EventPattern");
        var schedule = call.Input.Str("ScheduleExpression");
        var state = call.Input.Str("State") ?? "ENABLED";
        if (!States.Contains(state, StringComparer.Ordinal))
        {
            throw new AwsError("ValidationException", $"1 validation error detected: Value '{state}' at 'state' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", States)}]");
        }

        if (string.IsNullOrEmpty(pattern) && string.IsNullOrEmpty(schedule))
        {
            throw new AwsError("ValidationException", "Parameter(s) EventPattern or ScheduleExpression must be specified.");
        }

        if (pattern is { Length: > MaxPatternLength })
        {
            throw new AwsError("ValidationException", $"1 validation error detected: Value at 'eventPattern' failed to satisfy constraint: Member must have length less than or equal to {MaxPatternLength}");
        }

        if (!string.IsNullOrEmpty(pattern) && EventPatternOperations.ProblemWith(call.State, pattern) is { } problem)
        {
            throw new AwsError("InvalidEventPatternException", $"Event pattern is not valid. Reason: {problem}");
        }

        if (!string.IsNullOrEmpty(schedule) && !ScheduleExpression().IsMatch(schedule))
        {
            throw new AwsError("ValidationException", "Parameter ScheduleExpression is not valid.");
        }

        // A put replaces every setting it does not carry; tags apply only when the rule is created.
        if (!call.Here.EventRules.TryGetValue(name, out var rule))
        {
            rule = new EventRule(call.Account.Id, call.Region, name, call.Account.Id);
            foreach (var tag in call.Input.Objects("Tags"))
            {
                rule.Tags[tag.Required("Key")] = tag.Str("Value") ?? string.Empty;
            }

            call.Here.EventRules[name] = rule;
        }

        rule.State = state;
        rule.EventPattern = string.IsNullOrEmpty(pattern) ? null : pattern;
        rule.ScheduleExpression = string.IsNullOrEmpty(schedule) ? null : schedule;
        rule.Description = call.Input.Str("Description");
        rule.RoleArn = call.Input.Str("RoleArn");
        return new JsonObject { ["RuleArn"] = rule.Arn };
    }

    [GeneratedRegex(@"^(rate\(\d+ (minute|minutes|hour|hours|day|days)\)|cron\([^)]+\))$")]
    private static partial Regex ScheduleExpression();

    private static JsonObject DescribeRule(CallContext call)
    {
        var rule = Rule(call, "Name");
        var shape = Shape(rule);
        shape["CreatedBy"] = rule.CreatedBy;
        return shape;
    }

    private static JsonObject ListRules(CallContext call)
    {
        CheckBus(call);
        var prefix = call.Input.Str("NamePrefix") ?? string.Empty;
        var limit = call.Input.Int("Limit");
        if (limit is < 1 or > 100)
        {
            throw new AwsError("ValidationException", $"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
        }

        var rules = call.Here.EventRules.Values.Where(rule => rule.Name.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var page = Paging.Page(rules, call.Input.Str("NextToken"), limit, 100, 100, "ValidationException");
        var output = new JsonObject { ["Rules"] = new JsonArray([.. page.Items.Select(rule => (JsonNode)Shape(rule))]) };
        output["NextToken"] = page.NextToken;
        return output;
    }

    /// <summary>Deleting a rule that does not exist succeeds; one that still has targets is refused, as AWS refuses it.</summary>
    private static JsonObject? DeleteRule(CallContext call)
    {
        var name = call.Input.Required("Name");
        CheckBus(call);
        if (call.Here.EventRules.TryGetValue(name, out var rule))
        {
            if (rule.Targets.Count > 0)
            {
                throw new AwsError("ValidationException", "Rule can't be deleted since it has targets.");
            }

            call.Here.EventRules.Remove(name);
        }

        return null;
    }

    private static JsonObject? SetState(CallContext call, string state)
    {
        Rule(call, "Name").State = state;
        return null;
    }

    private static JsonObject Shape(EventRule rule) => new()
    {
        ["Name"] = rule.Name,
        ["Arn"] = rule.Arn,
        ["EventPattern"] = rule.EventPattern,
        ["ScheduleExpression"] = rule.ScheduleExpression,
        ["State"] = rule.State,
        ["Description"] = rule.Description,
        ["RoleArn"] = rule.RoleArn,
        ["EventBusName"] = EventRule.DefaultBus,
    };
}
