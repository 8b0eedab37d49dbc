using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>SNS topics and their attributes. Subscriptions are in <see cref="SubscriptionOperations"/>.</summary>
internal static partial class SnsService
{
    private static readonly string[] SettableAttributes = ["Policy", "DisplayName", "DeliveryPolicy", "KmsMasterKeyId", "TracingConfig", "SignatureVersion", "ArchivePolicy", "ContentBasedDeduplication", "DataProtectionPolicy", "FifoThroughputScope"];

    public static readonly ServiceDefinition Definition = new(
        "sns", "sns", WireProtocol.Query, null, null, "http://sns.amazonaws.com/doc/2010-03-31/",
        new Dictionary<string, Operation>
        {
            ["CreateTopic"] = CreateTopic,
            ["DeleteTopic"] = DeleteTopic,
            ["ListTopics"] = ListTopics,
            ["GetTopicAttributes"] = GetTopicAttributes,
            ["SetTopicAttributes"] = SetTopicAttributes,
            ["Subscribe"] = SubscriptionOperations.Subscribe,
            ["Unsubscribe"] = SubscriptionOperations.Unsubscribe,
            ["ConfirmSubscription"] = SubscriptionOperations.Confirm,
            ["ListSubscriptionsByTopic"] = SubscriptionOperations.ListByTopic,
            ["ListSubscriptions"] = SubscriptionOperations.List,
            ["GetSubscriptionAttributes"] = SubscriptionOperations.GetAttributes,
            ["SetSubscriptionAttributes"] = SubscriptionOperations.SetAttributes,
            ["ListTagsForResource"] = ListTagsForResource,
            ["TagResource"] = _ => null,
        })
    {
        XmlMaps = new HashSet<string>(StringComparer.Ordinal) { "Attributes" },
    };

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}(\\.fifo)?$")]
    private static partial Regex TopicName();

    public static Topic Find(CallContext call, string arn)
    {
        var parts = arn.Split(':');
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "sns")
        {
            throw new AwsError("InvalidParameter", $"Invalid parameter: TopicArn Reason: {arn} is not a valid ARN");
        }

        var topic = parts[4] == call.Account.Id && call.State.Account(parts[4]) is { } owner
            ? owner.Region(parts[3]).Topics.GetValueOrDefault(parts[5])
            : null;
        return topic ?? throw new AwsError("NotFound", "Topic does not exist", HttpStatusCode.NotFound);
    }

    private static JsonObject CreateTopic(CallContext call)
    {
        var name = call.Input.Required("Name", "InvalidParameter");
        if (!TopicName().IsMatch(name))
        {
            throw new AwsError("InvalidParameter", "Invalid parameter: Topic Name");
        }

        if (!call.Here.Topics.TryGetValue(name, out var topic))
        {
            topic = new Topic(call.Account.Id, call.Region, name);
            call.Here.Topics[name] = topic;
        }

        foreach (var (key, value) in call.Input.Map("Attributes"))
        {
            topic.Attributes[key] = value;
        }

        foreach (var tag in call.Input.Objects("Tags"))
        {
            topic.Tags[tag.Str("Key") ?? string.Empty] = tag.Str("Value") ?? string.Empty;
        }

        return new JsonObject { ["TopicArn"] = topic.Arn };
    }

    private static JsonObject? DeleteTopic(CallContext call)
    {
        var arn = call.Input.Required("TopicArn", "InvalidParameter");
        try
        {
            var topic = Find(call, arn);
            call.Here.Topics.Remove(topic.Name);
        }
        catch (AwsError error) when (error.Code == "NotFound")
        {
            // DeleteTopic is idempotent in SNS.
        }

        return null;
    }

    private static JsonObject ListTopics(CallContext call)
    {
        var page = Paging.Page(call.Here.Topics.Values.ToList(), call.Input.Str("NextToken"), null, 100, 100, "InvalidParameter");
        var output = new JsonObject
        {
            ["Topics"] = new JsonArray([.. page.Items.Select(topic => (JsonNode)new JsonObject { ["TopicArn"] = topic.Arn })]),
        };
        output["NextToken"] = page.NextToken;
        return output;
    }

    private static JsonObject GetTopicAttributes(CallContext call)
    {
        var topic = Find(call, call.Input.Required("TopicArn", "InvalidParameter"));
        var attributes = new JsonObject
        {
            ["Policy"] = topic.Attributes.GetValueOrDefault("Policy") ?? topic.DefaultPolicy(),
            ["Owner"] = topic.AccountId,
            ["SubscriptionsPending"] = topic.Subscriptions.Count(s => !s.Confirmed).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TopicArn"] = topic.Arn,
            ["EffectiveDeliveryPolicy"] = "{\"http\":{\"defaultHealthyRetryPolicy\":{\"minDelayTarget\":20,\"maxDelayTarget\":20,\"numRetries\":3,\"numMaxDelayRetries\":0,\"numNoDelayRetries\":0,\"numMinDelayRetries\":0,\"backoffFunction\":\"linear\"},\"disableSubscriptionOverrides\":false,\"defaultRequestPolicy\":{\"headerContentType\":\"text/plain; charset=UTF-8\"}}}",
            ["SubscriptionsConfirmed"] = topic.Subscriptions.Count(s => s.Confirmed).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DisplayName"] = topic.Attributes.GetValueOrDefault("DisplayName") ?? string.Empty,
            ["SubscriptionsDeleted"] = "0",
        };
        foreach (var (key, value) in topic.Attributes)
        {
            attributes[key] = value;
        }

        return new JsonObject { ["Attributes"] = attributes };
    }

    private static JsonObject? SetTopicAttributes(CallContext call)
    {
        var topic = Find(call, call.Input.Required("TopicArn", "InvalidParameter"));
        var name = call.Input.Required("AttributeName", "InvalidParameter");
        if (!SettableAttributes.Contains(name))
        {
            throw new AwsError("InvalidParameter", "Invalid parameter: AttributeName");
        }

        var value = call.Input.Str("AttributeValue") ?? string.Empty;
        if (name == "Policy")
        {
            try
            {
                _ = JsonNode.Parse(value);
            }
            catch (System.Text.Json.JsonException)
            {
                throw new AwsError("InvalidParameter", "Invalid parameter: Policy Error: null");
            }
        }

        topic.Attributes[name] = value;
        return null;
    }

    private static JsonObject ListTagsForResource(CallContext call)
    {
        var topic = Find(call, call.Input.Required("ResourceArn", "InvalidParameter"));
        return new JsonObject
        {
            ["Tags"] = new JsonArray([.. topic.Tags.Select(tag => (JsonNode)new JsonObject { ["Key"] = tag.Key, ["Value"] = tag.Value })]),
        };
    }
}
