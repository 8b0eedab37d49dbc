using System.Collections.Concurrent;
using Tocsin.Aws.Clients;
using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Collection;

/// <summary>
/// Reads the key policy of the KMS key a topic is encrypted with: DescribeKey (which accepts an alias) then
/// GetKeyPolicy on the key ARN, in the key's region. Each key is described once per name it is given by and its
/// policy read once, however many topics share it. A call that fails leaves the policy unknown with its reason.
/// </summary>
internal sealed class KeyPolicyReader(KmsClient kms)
{
    private readonly ConcurrentDictionary<(string Region, string KeyId), Lazy<Task<Observed<KeyDescription>>>> _descriptions = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<Observed<string?>>>> _policies = new(StringComparer.Ordinal);

    /// <summary>The policy of the key <paramref name="keyId"/> named by a topic in <paramref name="topicRegion"/>.</summary>
    public async Task<Observed<string?>> ReadAsync(string topicRegion, string keyId, CancellationToken cancellationToken)
    {
        // A key or alias ARN names its own region; a bare key id or alias name is in the topic's region.
        var region = keyId.Split(':') is ["arn", _, "kms", var inArn, ..] ? inArn : topicRegion;
        var description = await _descriptions.GetOrAdd((region, keyId), _ => new Lazy<Task<Observed<KeyDescription>>>(
            () => Observe.CallAsync(() => kms.DescribeKeyAsync(region, keyId, cancellationToken)))).Value;
        if (!description.IsKnown)
        {
            return Observed<string?>.NotKnown(description.Unknown);
        }

        var key = description.Value;
        var keyRegion = key.Arn.Split(':') is ["arn", _, "kms", var ofKey, ..] ? ofKey : region;
        var policy = await _policies.GetOrAdd(key.Arn, arn => new Lazy<Task<Observed<string?>>>(
            () => Observe.CallAsync(() => kms.GetKeyPolicyAsync(keyRegion, arn, cancellationToken)))).Value;
        return policy.TryGetValue(out var text) ? Observed<string?>.Known(text, Source.FromArn(key.Arn)) : policy;
    }
}
