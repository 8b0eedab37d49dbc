using System.Text.Json;
using System.Text.Json.Nodes;
using Tocsin.Core.Inventory;

namespace Tocsin.Iac.CloudFormation;

/// <summary>
/// <c>AWS::SNS::Topic</c>, <c>Subscription</c>, <c>TopicPolicy</c>, <c>TopicInlinePolicy</c> and <c>AWS::KMS::Key</c>
/// / <c>Alias</c>, read into <see cref="TopicParts"/>.
/// </summary>
internal static class TopicResources
{
    /// <summary>Protocols SNS confirms at creation; email and http(s) endpoints must confirm themselves.</summary>
    private static readonly HashSet<string> ConfirmedAtCreation = ["sqs", "lambda", "firehose", "application", "sms"];

    public static void Topic(ResourceProperties topic, ResourceIdentity identity, TopicParts parts, TemplateResource resource, string path)
    {
        if (topic.Name(_ => identity.TopicArn(resource)) is not { } arn)
        {
            return;
        }

        var inline = topic.Deciding(topic.Read<IReadOnlyList<Observed<Subscription>>>("Subscription", [], node =>
            node is JsonArray list
                ? [.. list.OfType<JsonObject>().Select((s, i) => Subscription(arn, $"{resource.LogicalId}-{i + 1}", ResourceProperties.Field(s, "Protocol"), Observed.Known(ResourceProperties.Field(s, "Endpoint")), topic.Source))]
                : throw new Unresolvable("a list of subscriptions was expected")));
        parts.Topics.Add(new DefinedTopic(
            arn,
            topic.Text("KmsMasterKeyId"),
            inline.IsKnown ? inline.Value : [Observed.Unknown<Subscription>(UnknownReason.Unresolved, inline.Unknown.Detail, inline.Source)],
            topic.Source));
    }

    public static void Subscription(ResourceProperties subscription, TopicParts parts)
    {
        var topic = subscription.Text("TopicArn");
        if (!topic.TryGetValue(out var topicArn) || topicArn is null)
        {
            return;
        }

        var protocol = subscription.Deciding(subscription.Text("Protocol"));
        var endpoint = subscription.Text("Endpoint");
        parts.Subscribe(topicArn, protocol.IsKnown
            ? Subscription(topicArn, subscription.LogicalId, protocol.Value, endpoint, subscription.Source)
            : Observed.Unknown<Subscription>(UnknownReason.Unresolved, protocol.Unknown.Detail, protocol.Source));
    }

    public static void TopicPolicy(ResourceProperties policy, TopicParts parts)
    {
        var document = Document(policy);
        var topics = policy.Texts("Topics");
        foreach (var arn in topics.IsKnown ? topics.Value : [])
        {
            parts.Policies[arn] = document;
        }
    }

    public static void TopicInlinePolicy(ResourceProperties policy, TopicParts parts)
    {
        if (policy.Text("TopicArn").TryGetValue(out var arn) && arn is not null)
        {
            parts.Policies[arn] = Document(policy);
        }
    }

    public static void Key(ResourceProperties key, ResourceIdentity identity, TemplateResource resource, TopicParts parts)
    {
        var document = key.Deciding(key.Read<string?>("KeyPolicy", null, Json));
        parts.KeyPolicies[identity.KeyId(resource)] = document;
        parts.KeyPolicies[identity.KeyArn(resource)] = document;
    }

    public static void Alias(ResourceProperties alias, ResourceIdentity identity, IacSettings settings, TopicParts parts)
    {
        var name = alias.Name(identity.Name);
        if (name is null || !alias.Text("TargetKeyId").TryGetValue(out var target) || target is null || !parts.KeyPolicies.TryGetValue(target, out var document))
        {
            return;
        }

        parts.KeyPolicies[name] = document;
        parts.KeyPolicies[settings.Arn("kms", name)] = document;
    }

    private static Observed<Subscription> Subscription(string topicArn, string id, string? protocol, Observed<string?> endpoint, Source source) =>
        Observed.Known(new Subscription(
            protocol is not null && ConfirmedAtCreation.Contains(protocol) ? $"{topicArn}:{id}" : Core.Inventory.Subscription.PendingConfirmation,
            Observed.Known(protocol ?? ""),
            endpoint,
            source));

    private static Observed<string?> Document(ResourceProperties policy) => policy.Deciding(policy.Read<string?>("PolicyDocument", null, Json));

    /// <summary>A policy written as YAML or JSON becomes the JSON text AWS would return; a string is already JSON.</summary>
    private static string Json(JsonNode node) =>
        node is JsonValue ? ResourceProperties.AsText(node) : node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
