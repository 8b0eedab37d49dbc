using System.Text.Json.Nodes;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>PutTargets, ListTargetsByRule, RemoveTargets. A target is stored as put and listed back as put.</summary>
internal static class EventTargetOperations
{
    /// <summary>EventBridge's quota of targets per rule.</summary>
    public const int MaxTargets = 5;

    public static JsonObject Put(CallContext call)
    {
        var rule = EventBridgeService.Rule(call, "Rule");
        var targets = call.Input.Objects("Targets");
        if (targets.Count is < 1 or > 100)
        {
            throw new AwsError("ValidationException", "1 validation error detected: Value at 'targets' failed to satisfy constraint: Member must have length between 1 and 100");
        }

        foreach (var target in targets)
        {
            EventBridgeService.CheckName(target.Required("Id"), "targets.member.id");
            target.Required("Arn");
            var inputs = new[] { "Input", "InputPath", "InputTransformer" }.Count(target.Has);
            if (inputs > 1)
            {
                throw new AwsError("ValidationException", "Only one of Input, InputPath, or InputTransformer must be provided.");
            }

            if (target.Str("Input") is { } input && !IsJson(input))
            {
                throw new AwsError("ValidationException", $"Target {target.Str("Id")} has invalid Input: it is not valid JSON text.");
            }
        }

        var added = targets.Select(t => t.Str("Id")).Distinct(StringComparer.Ordinal).Count(id => rule.Targets.All(existing => existing.Str("Id") != id));
        if (rule.Targets.Count + added > MaxTargets)
        {
            throw new AwsError("LimitExceededException", $"The requested resource exceeds the maximum number allowed. A rule can have at most {MaxTargets} targets.");
        }

        foreach (var target in targets)
        {
            var stored = (JsonObject)target.DeepClone();
            var at = rule.Targets.FindIndex(existing => existing.Str("Id") == target.Str("Id"));
            if (at >= 0)
            {
                rule.Targets[at] = stored;
            }
            else
            {
                rule.Targets.Add(stored);
            }
        }

        return new JsonObject { ["FailedEntryCount"] = 0, ["FailedEntries"] = new JsonArray() };
    }

    public static JsonObject List(CallContext call)
    {
        var rule = EventBridgeService.Rule(call, "Rule");
        var limit = call.Input.Int("Limit");
        if (limit is < 1 or > 100)
        {
            throw new AwsError("ValidationException", $"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
        }

        var page = Paging.Page(rule.Targets, call.Input.Str("NextToken"), limit, 100, 100, "ValidationException");
        var output = new JsonObject { ["Targets"] = new JsonArray([.. page.Items.Select(target => target.DeepClone())]) };
        output["NextToken"] = page.NextToken;
        return output;
    }

    /// <summary>Ids the rule does not have are removed without complaint, as AWS does.</summary>
    public static JsonObject Remove(CallContext call)
    {
        var rule = EventBridgeService.Rule(call, "Rule");
        var ids = call.Input.Strings("Ids");
        if (ids.Count is < 1 or > 100)
        {
            throw new AwsError("ValidationException", "1 validation error detected: Value at 'ids' failed to satisfy constraint: Member must have length between 1 and 100");
        }

        rule.Targets.RemoveAll(target => ids.Contains(target.Str("Id") ?? string.Empty, StringComparer.Ordinal));
        return new JsonObject { ["FailedEntryCount"] = 0, ["FailedEntries"] = new JsonArray() };
    }

    private static bool IsJson(string text)
    {
        try
        {
            JsonNode.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
