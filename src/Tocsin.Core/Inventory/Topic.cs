namespace Tocsin.Core.Inventory;

/// <summary>An SNS topic an alarm may notify.</summary>
/// <param name="Policy">The access policy JSON text, exactly as GetTopicAttributes returns it.</param>
/// <param name="KmsMasterKeyId">The KMS key encrypting the topic, null when not encrypted.</param>
/// <param name="Subscriptions">Subscriptions to this topic (ListSubscriptionsByTopic).</param>
public sealed record Topic(
    string Arn,
    Observed<string?> Policy,
    Observed<string?> KmsMasterKeyId,
    Observed<IReadOnlyList<Subscription>> Subscriptions,
    Source? Source = null);
