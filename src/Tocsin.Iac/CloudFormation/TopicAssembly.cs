using Tocsin.Core.Inventory;

namespace Tocsin.Iac.CloudFormation;

/// <summary>
/// Builds the inventory's topics once every file is read: each defined topic with its policy (SNS's default when no
/// template sets one), key policy and subscriptions; and each topic an alarm names by ARN that no template defines,
/// as a topic whose every attribute is unknown, so the chain is undecided rather than failed.
/// </summary>
internal static class TopicAssembly
{
    public static IReadOnlyList<Topic> Topics(TopicParts parts, IReadOnlyList<Alarm> alarms, IacSettings settings)
    {
        var defined = parts.Topics.GroupBy(t => t.Arn, StringComparer.Ordinal).Select(g => Defined(g.First(), parts, settings)).ToList();
        var known = defined.Select(t => t.Arn).ToHashSet(StringComparer.Ordinal);
        var outside = alarms
            .SelectMany(alarm => alarm.AlarmActions.TryGetValue(out var actions) ? actions.Select(action => (action, alarm.Source)) : [])
            .Where(entry => entry.action.StartsWith($"arn:aws:sns:{settings.Region}:{settings.AccountId}:", StringComparison.Ordinal) && !known.Contains(entry.action))
            .GroupBy(entry => entry.action, StringComparer.Ordinal)
            .Select(entry => Outside(entry.Key, entry.First().Source));
        return [.. defined, .. outside];
    }

    private static Topic Defined(DefinedTopic topic, TopicParts parts, IacSettings settings)
    {
        var subscriptions = topic.Inline.Concat(parts.Subscriptions.GetValueOrDefault(topic.Arn) ?? []).ToList();
        var unknown = subscriptions.FirstOrDefault(s => !s.IsKnown);
        return new Topic(
            topic.Arn,
            parts.Policies.GetValueOrDefault(topic.Arn) ?? Observed.Known<string?>(AwsDefaultPolicies.Topic(topic.Arn, settings.AccountId)),
            topic.KmsMasterKeyId,
            unknown is null
                ? Observed.Known<IReadOnlyList<Subscription>>([.. subscriptions.Select(s => s.Value)])
                : Observed.Unknown<IReadOnlyList<Subscription>>(UnknownReason.Unresolved, unknown.Unknown!.Detail, unknown.Source),
            topic.Source)
        {
            KeyPolicy = KeyPolicy(topic.KmsMasterKeyId, parts),
        };
    }

    private static Observed<string?> KeyPolicy(Observed<string?> key, TopicParts parts)
    {
        if (!key.TryGetValue(out var id) || id is null || id.EndsWith("alias/aws/sns", StringComparison.Ordinal))
        {
            return Topic.KeyPolicyWhenAbsent(key);
        }

        return parts.KeyPolicies.GetValueOrDefault(id)
            ?? Observed.Unknown<string?>(UnknownReason.Unresolved, $"key {id} is defined outside these templates", key.Source);
    }

    private static Topic Outside(string arn, Source? source)
    {
        var why = $"topic ARN {arn} is defined outside these templates";
        return new Topic(
            arn,
            Observed.Unknown<string?>(UnknownReason.Unresolved, why, source),
            Observed.Unknown<string?>(UnknownReason.Unresolved, why, source),
            Observed.Unknown<IReadOnlyList<Subscription>>(UnknownReason.Unresolved, why, source),
            source)
        {
            KeyPolicy = Observed.Unknown<string?>(UnknownReason.Unresolved, why, source),
        };
    }
}
