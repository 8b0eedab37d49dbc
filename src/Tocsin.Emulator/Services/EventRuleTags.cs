using System.Text.Json.Nodes;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>TagResource, UntagResource and ListTagsForResource on rules (the only EventBridge resources here).</summary>
internal static class EventRuleTags
{
    public static JsonObject Tag(CallContext call)
    {
        var rule = Find(call);
        foreach (var tag in call.Input.Objects("Tags"))
        {
            rule.Tags[tag.Required("Key")] = tag.Str("Value") ?? string.Empty;
        }

        return [];
    }

    public static JsonObject Untag(CallContext call)
    {
        var rule = Find(call);
        foreach (var key in call.Input.Strings("TagKeys"))
        {
            rule.Tags.Remove(key);
        }

        return [];
    }

    public static JsonObject List(CallContext call) => new()
    {
        ["Tags"] = new JsonArray([.. Find(call).Tags.Select(tag => (JsonNode)new JsonObject { ["Key"] = tag.Key, ["Value"] = tag.Value })]),
    };

    /// <summary>The rule an ARN names, in the caller's account and region.</summary>
    private static EventRule Find(CallContext call)
    {
        var arn = call.Input.Required("ResourceARN");
        var prefix = $"arn:aws:events:{call.Region}:{call.Account.Id}:rule/";
        var name = arn.StartsWith(prefix, StringComparison.Ordinal) ? arn[prefix.Length..] : null;
        return name is not null && call.Here.EventRules.TryGetValue(name, out var rule)
            ? rule
            : throw new AwsError("ResourceNotFoundException", $"Rule {name ?? arn} does not exist on EventBus {EventRule.DefaultBus}.");
    }
}
