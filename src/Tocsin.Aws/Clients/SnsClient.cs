using Tocsin.Aws.Http;
using Tocsin.Aws.Protocols;
using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Clients;

/// <summary>GetTopicAttributes: the attributes Tocsin reads.</summary>
/// <param name="Policy">The access policy JSON, null when the topic has none.</param>
/// <param name="KmsMasterKeyId">The encrypting key, null when not encrypted.</param>
public sealed record TopicAttributes(string? Policy, string? KmsMasterKeyId);

/// <summary>SNS over awsQuery (Version 2010-03-31).</summary>
public sealed class SnsClient(AwsSession session)
{
    private const string Version = "2010-03-31";

    [RequiresPermission("sns:GetTopicAttributes")]
    public async Task<TopicAttributes> GetTopicAttributesAsync(string region, string topicArn, CancellationToken cancellationToken)
    {
        var result = await session.QueryAsync(AwsService.Sns, region, "GetTopicAttributes", Version, [new("TopicArn", topicArn)], cancellationToken);
        var attributes = Xml.Child(result, "Attributes")?.Elements().Where(e => e.Name.LocalName == "entry")
            .Select(e => (Key: Xml.Text(e, "key"), Value: Xml.Text(e, "value")))
            .Where(e => e.Key is not null)
            .GroupBy(e => e.Key!)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal) ?? [];
        return new TopicAttributes(
            attributes.GetValueOrDefault("Policy") is { Length: > 0 } policy ? policy : null,
            attributes.GetValueOrDefault("KmsMasterKeyId") is { Length: > 0 } key ? key : null);
    }

    /// <summary>Every subscription of the topic, all pages.</summary>
    [RequiresPermission("sns:ListSubscriptionsByTopic")]
    public async Task<IReadOnlyList<Subscription>> ListSubscriptionsByTopicAsync(string region, string topicArn, CancellationToken cancellationToken)
    {
        var subscriptions = new List<Subscription>();
        string? token = null;
        do
        {
            var parameters = new List<KeyValuePair<string, string>> { new("TopicArn", topicArn) };
            if (token is not null)
            {
                parameters.Add(new("NextToken", token));
            }

            var result = await session.QueryAsync(AwsService.Sns, region, "ListSubscriptionsByTopic", Version, parameters, cancellationToken);
            subscriptions.AddRange(Xml.Members(result, "Subscriptions").Select(s => new Subscription(
                Xml.Text(s, "SubscriptionArn") ?? "",
                Observed.Known(Xml.Text(s, "Protocol") ?? ""),
                Observed.Known(Xml.Text(s, "Endpoint")))));
            token = Xml.Text(result, "NextToken");
        }
        while (!string.IsNullOrEmpty(token));

        return subscriptions;
    }

    /// <summary>Creates the topic with its name only (a topic of that name is returned as it is); attributes are set afterwards.</summary>
    [RequiresPermission("sns:CreateTopic", ForApply = true)]
    public async Task<string> CreateTopicAsync(string region, string name, CancellationToken cancellationToken)
    {
        var result = await session.QueryAsync(AwsService.Sns, region, "CreateTopic", Version, [new("Name", name)], cancellationToken);
        return Xml.Text(result, "TopicArn") ?? throw new AwsProtocolException("sns:CreateTopic: the reply has no TopicArn");
    }

    /// <summary>Sets one attribute (Policy replaces the whole access policy).</summary>
    [RequiresPermission("sns:SetTopicAttributes", ForApply = true)]
    public Task SetTopicAttributesAsync(string region, string topicArn, string name, string value, CancellationToken cancellationToken) =>
        session.QueryActionAsync(AwsService.Sns, region, "SetTopicAttributes", Version, [new("TopicArn", topicArn), new("AttributeName", name), new("AttributeValue", value)], cancellationToken);

    /// <summary>Subscribes the endpoint; the answer is the subscription ARN, or <c>pending confirmation</c>.</summary>
    [RequiresPermission("sns:Subscribe", ForApply = true)]
    public async Task<string?> SubscribeAsync(string region, string topicArn, string protocol, string endpoint, CancellationToken cancellationToken)
    {
        var result = await session.QueryAsync(AwsService.Sns, region, "Subscribe", Version, [new("TopicArn", topicArn), new("Protocol", protocol), new("Endpoint", endpoint)], cancellationToken);
        return Xml.Text(result, "SubscriptionArn");
    }
}
