using Tocsin.Core.Inventory;

namespace Tocsin.Iac.CloudFormation;

/// <summary>
/// The pieces of SNS topics as the templates define them, from any file: topics, their policies, subscriptions and
/// the keys that encrypt them. A topic is assembled only once every file is read, since a topic policy may sit in
/// another file than its topic.
/// </summary>
internal sealed class TopicParts
{
    public List<DefinedTopic> Topics { get; } = [];

    /// <summary>Topic ARN → its access policy JSON.</summary>
    public Dictionary<string, Observed<string?>> Policies { get; } = new(StringComparer.Ordinal);

    /// <summary>Topic ARN → its subscriptions defined as separate resources; unknown when one could not be resolved.</summary>
    public Dictionary<string, List<Observed<Subscription>>> Subscriptions { get; } = new(StringComparer.Ordinal);

    /// <summary>Every spelling of a key (id, ARN, alias name, alias ARN) → its key policy JSON.</summary>
    public Dictionary<string, Observed<string?>> KeyPolicies { get; } = new(StringComparer.Ordinal);

    public void Subscribe(string topicArn, Observed<Subscription> subscription)
    {
        if (!Subscriptions.TryGetValue(topicArn, out var list))
        {
            Subscriptions[topicArn] = list = [];
        }

        list.Add(subscription);
    }
}

/// <summary>An <c>AWS::SNS::Topic</c> and what it says about itself.</summary>
internal sealed record DefinedTopic(string Arn, Observed<string?> KmsMasterKeyId, IReadOnlyList<Observed<Subscription>> Inline, Source Source);
