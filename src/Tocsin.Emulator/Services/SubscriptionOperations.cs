using System.Net;
using System.Text.Json.Nodes;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>
/// SNS subscriptions. Email and HTTP(S) subscriptions are <c>PendingConfirmation</c> until ConfirmSubscription
/// gets their token (the emulator's control call reveals it, standing in for the confirmation message).
/// </summary>
internal static class SubscriptionOperations
{
    private static readonly string[] Protocols = ["http", "https", "email", "email-json", "sms", "sqs", "application", "lambda", "firehose"];

    public static JsonObject Subscribe(CallContext call)
    {
        var topic = SnsService.Find(call, call.Input.Required("TopicArn", "InvalidParameter"));
        var protocol = call.Input.Required("Protocol", "InvalidParameter");
        if (!Protocols.Contains(protocol))
        {
            throw new AwsError("InvalidParameter", "Invalid parameter: Amazon SNS does not support this protocol string: " + protocol);
        }

        var endpoint = call.Input.Str("Endpoint") ?? throw new AwsError("InvalidParameter", "Invalid parameter: Endpoint");
        if (protocol.StartsWith("email", StringComparison.Ordinal) && !endpoint.Contains('@', StringComparison.Ordinal))
        {
            throw new AwsError("InvalidParameter", "Invalid parameter: Email address");
        }

        var subscription = topic.Subscriptions.FirstOrDefault(s => s.Protocol == protocol && s.Endpoint == endpoint);
        if (subscription is null)
        {
            subscription = Add(topic, protocol, endpoint, confirmed: !Subscription.NeedsConfirmation(protocol));
        }

        foreach (var (key, value) in call.Input.Map("Attributes"))
        {
            subscription.Attributes[key] = value;
        }

        var returnArn = call.Input.Bool("ReturnSubscriptionArn") ?? false;
        return new JsonObject { ["SubscriptionArn"] = subscription.Confirmed || returnArn ? subscription.Arn : "pending confirmation" };
    }

    public static Subscription Add(Topic topic, string protocol, string endpoint, bool confirmed)
    {
        var subscription = new Subscription($"{topic.Arn}:{Guid.NewGuid()}", topic.Arn, protocol, endpoint, topic.AccountId, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()))
        {
            Confirmed = confirmed,
        };
        topic.Subscriptions.Add(subscription);
        return subscription;
    }

    public static JsonObject? Unsubscribe(CallContext call)
    {
        var arn = call.Input.Required("SubscriptionArn", "InvalidParameter");
        var (topic, subscription) = Find(call, arn);
        topic.Subscriptions.Remove(subscription);
        return null;
    }

    public static JsonObject Confirm(CallContext call)
    {
        var topic = SnsService.Find(call, call.Input.Required("TopicArn", "InvalidParameter"));
        var token = call.Input.Required("Token", "InvalidParameter");
        var subscription = topic.Subscriptions.FirstOrDefault(s => s.Token == token)
            ?? throw new AwsError("InvalidParameter", "Invalid token");
        subscription.Confirmed = true;
        return new JsonObject { ["SubscriptionArn"] = subscription.Arn };
    }

    public static JsonObject ListByTopic(CallContext call)
    {
        var topic = SnsService.Find(call, call.Input.Required("TopicArn", "InvalidParameter"));
        return Listing(call, topic.Subscriptions);
    }

    public static JsonObject List(CallContext call) =>
        Listing(call, [.. call.Here.Topics.Values.SelectMany(topic => topic.Subscriptions)]);

    public static JsonObject GetAttributes(CallContext call)
    {
        var (topic, subscription) = Find(call, call.Input.Required("SubscriptionArn", "InvalidParameter"));
        var attributes = new JsonObject
        {
            ["SubscriptionArn"] = subscription.Arn,
            ["TopicArn"] = topic.Arn,
            ["Owner"] = subscription.Owner,
            ["Protocol"] = subscription.Protocol,
            ["Endpoint"] = subscription.Endpoint,
            ["ConfirmationWasAuthenticated"] = subscription.Confirmed ? "true" : "false",
            ["PendingConfirmation"] = subscription.Confirmed ? "false" : "true",
            ["RawMessageDelivery"] = "false",
            ["SubscriptionPrincipal"] = $"arn:aws:iam::{subscription.Owner}:root",
        };
        foreach (var (key, value) in subscription.Attributes)
        {
            attributes[key] = value;
        }

        return new JsonObject { ["Attributes"] = attributes };
    }

    public static JsonObject? SetAttributes(CallContext call)
    {
        var (_, subscription) = Find(call, call.Input.Required("SubscriptionArn", "InvalidParameter"));
        subscription.Attributes[call.Input.Required("AttributeName", "InvalidParameter")] = call.Input.Str("AttributeValue") ?? string.Empty;
        return null;
    }

    private static JsonObject Listing(CallContext call, IReadOnlyList<Subscription> subscriptions)
    {
        var page = Paging.Page(subscriptions, call.Input.Str("NextToken"), null, 100, 100, "InvalidParameter");
        var output = new JsonObject
        {
            ["Subscriptions"] = new JsonArray([.. page.Items.Select(s => (JsonNode)new JsonObject
            {
                ["SubscriptionArn"] = s.Confirmed ? s.Arn : "PendingConfirmation",
                ["Owner"] = s.Owner,
                ["Protocol"] = s.Protocol,
                ["Endpoint"] = s.Endpoint,
                ["TopicArn"] = s.TopicArn,
            })]),
        };
        output["NextToken"] = page.NextToken;
        return output;
    }

    private static (Topic Topic, Subscription Subscription) Find(CallContext call, string arn)
    {
        var topicArn = arn.Contains(':', StringComparison.Ordinal) ? arn[..arn.LastIndexOf(':')] : arn;
        var topic = SnsService.Find(call, topicArn);
        var subscription = topic.Subscriptions.FirstOrDefault(s => s.Arn == arn)
            ?? throw new AwsError("NotFound", "Subscription does not exist", HttpStatusCode.NotFound);
        return (topic, subscription);
    }
}
