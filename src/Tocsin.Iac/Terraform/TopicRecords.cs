using Tocsin.Core.Inventory;

namespace Tocsin.Iac.Terraform;

/// <summary>
/// <c>aws_sns_topic</c> with its <c>aws_sns_topic_policy</c>, <c>aws_sns_topic_subscription</c>s and the
/// <c>aws_kms_key</c> encrypting it, as the inventory's topics; and topics alarms name that this code does not define.
/// </summary>
internal static class TopicRecords
{
    private static readonly string[] ConfirmedOnCreation = ["sqs", "lambda", "firehose", "application"];

    public static IReadOnlyList<Topic> Topics(IReadOnlyList<ResourceInstance> resources, IReadOnlyList<Alarm> alarms, IacSettings settings)
    {
        var keys = Keys(resources, settings);
        var policies = resources.Where(r => r.Type == "aws_sns_topic_policy").ToList();
        var subscriptions = resources.Where(r => r.Type == "aws_sns_topic_subscription").Select(s => (Resource: s, TopicArn: s.Get("topic_arn"))).ToList();
        var unplaced = subscriptions.FirstOrDefault(s => s.TopicArn is not HclString);
        var topics = new List<Topic>();
        foreach (var topic in resources.Where(r => r.Type == "aws_sns_topic"))
        {
            if (topic.Attribute("arn") is not HclString { Value: var arn })
            {
                continue;
            }

            var policyResource = policies.LastOrDefault(p => p.Get("arn") is HclString s && s.Value == arn);
            var policy = policyResource is not null ? Observe.Text(policyResource, "policy")
                : topic.Has("policy") ? Observe.Text(topic, "policy")
                : Observed.Known<string?>(AwsDefaultPolicies.Topic(arn, settings.AccountId), topic.Source);
            var key = Observe.Text(topic, "kms_master_key_id");
            var own = subscriptions.Where(s => s.TopicArn is HclString t && t.Value == arn).Select(s => Subscription(s.Resource, arn)).ToList();
            var subscribed = unplaced.Resource is not null && !own.Any(s => s.IsConfirmed)
                ? Observe.Unresolved<IReadOnlyList<Subscription>>($"{unplaced.Resource.Address} subscribes a topic not known before apply ({HclEvaluator.Describe(unplaced.TopicArn)})", unplaced.Resource.Source)
                : Observed.Known<IReadOnlyList<Subscription>>(own, topic.Source);
            topics.Add(new Topic(arn, policy, key, subscribed, topic.Source) { KeyPolicy = KeyPolicy(key, keys) });
        }

        return [.. topics, .. Outside(topics, alarms, settings)];
    }

    private static Subscription Subscription(ResourceInstance subscription, string topicArn)
    {
        var protocol = Observe.Text(subscription, "protocol");
        var arn = protocol.TryGetValue(out var p) && p is not null && ConfirmedOnCreation.Contains(p) ? $"{topicArn}:{subscription.Name}" : Core.Inventory.Subscription.PendingConfirmation;
        return new Subscription(
            arn,
            protocol.TryGetValue(out var known) && known is not null ? Observed.Known(known, protocol.Source) : Observe.Unresolved<string>(protocol.Unknown?.Detail ?? "no protocol", protocol.Source),
            Observe.Text(subscription, "endpoint"),
            subscription.Source);
    }

    /// <summary>The key policy of the key a topic names: one defined here (its policy, or KMS's default), else unresolved.</summary>
    private static Observed<string?> KeyPolicy(Observed<string?> key, IReadOnlyDictionary<string, Observed<string?>> keys)
    {
        if (!key.TryGetValue(out var id) || id is null)
        {
            return Topic.KeyPolicyWhenAbsent(key);
        }

        return keys.TryGetValue(id, out var policy) ? policy
            : id.StartsWith("alias/aws/", StringComparison.Ordinal) || id.EndsWith(":alias/aws/sns", StringComparison.Ordinal) ? Topic.KeyPolicyWhenAbsent(key)
            : Observe.Unresolved<string?>($"the key {id} is defined outside this code", key.Source);
    }

    /// <summary>Every way a topic may name a key of this code (its ARN, id, an alias name or alias ARN), to the key's policy.</summary>
    private static Dictionary<string, Observed<string?>> Keys(IReadOnlyList<ResourceInstance> resources, IacSettings settings)
    {
        var keys = new Dictionary<string, Observed<string?>>(StringComparer.Ordinal);
        foreach (var key in resources.Where(r => r.Type == "aws_kms_key"))
        {
            var policy = key.Has("policy") ? Observe.Text(key, "policy") : Observed.Known<string?>(AwsDefaultPolicies.Key(settings.AccountId), key.Source);
            foreach (var name in new[] { "arn", "key_id" })
            {
                if (key.Attribute(name) is HclString s)
                {
                    keys[s.Value] = policy;
                }
            }

            foreach (var alias in resources.Where(r => r.Type == "aws_kms_alias"))
            {
                var target = alias.Get("target_key_id");
                if (target is HclString t && keys.TryGetValue(t.Value, out var aliased) && ReferenceEquals(aliased, policy) && alias.Get("name") is HclString aliasName)
                {
                    keys[aliasName.Value] = policy;
                    keys[settings.Arn("kms", aliasName.Value)] = policy;
                }
            }
        }

        return keys;
    }

    /// <summary>
    /// A topic an alarm notifies by a literal ARN in this account and region but this code does not define: it may
    /// well exist, so its policy, key and subscriptions are unresolved rather than the topic missing.
    /// </summary>
    private static IEnumerable<Topic> Outside(IReadOnlyList<Topic> defined, IReadOnlyList<Alarm> alarms, IacSettings settings)
    {
        var prefix = settings.Arn("sns", "");
        return alarms
            .SelectMany(alarm => alarm.AlarmActions.TryGetValue(out var actions) ? actions.Select(action => (Action: action, alarm.Source)) : [])
            .Where(a => a.Action.StartsWith(prefix, StringComparison.Ordinal) && defined.All(t => t.Arn != a.Action))
            .DistinctBy(a => a.Action)
            .Select(a =>
            {
                var why = $"{a.Action} is defined outside this code";
                return new Topic(a.Action, Observe.Unresolved<string?>(why, a.Source), Observe.Unresolved<string?>(why, a.Source), Observe.Unresolved<IReadOnlyList<Subscription>>(why, a.Source), a.Source)
                {
                    KeyPolicy = Observe.Unresolved<string?>(why, a.Source),
                };
            });
    }
}
