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
    Source? Source = null)
{
    /// <summary>
    /// The key policy JSON of the key encrypting the topic (KMS GetKeyPolicy), null when the topic is not encrypted.
    /// A snapshot written before the field existed loads with <see cref="KeyPolicyWhenAbsent"/>.
    /// </summary>
    // A snapshot's reader hands null for a field the file leaves out: that is the field's absence.
    public Observed<string?> KeyPolicy { get; init => field = value ?? KeyPolicyWhenAbsent(KmsMasterKeyId); } = KeyPolicyWhenAbsent(KmsMasterKeyId);

    /// <summary>
    /// What the key policy is when nobody read it: no policy for an unencrypted topic, otherwise not collected.
    /// Snapshots leave the field out when it holds exactly this, so older snapshots read and write back unchanged.
    /// </summary>
    public static Observed<string?> KeyPolicyWhenAbsent(Observed<string?> kmsMasterKeyId) =>
        kmsMasterKeyId.Is(key => key is null)
            ? Observed<string?>.Known(null)
            : Observed<string?>.NotKnown(UnknownReason.NotCollected, "the key policy was not read");
}
