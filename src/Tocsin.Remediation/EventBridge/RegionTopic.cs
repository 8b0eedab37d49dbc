using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Planning;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.EventBridge;

/// <summary>
/// The topic a region's rules send to, and what it needs for EventBridge: <c>--topic-arn</c> when it is in this
/// region; else the topic already chosen for the region; else an existing topic with a confirmed subscriber (never
/// one under the AWS managed key aws/sns, whose policy nobody can open to EventBridge); else a new topic. Then the
/// grant to <c>events.amazonaws.com</c> in its policy (merged, every other statement kept) and in its key's policy.
/// </summary>
internal sealed class RegionTopic(PlanState state, string accountId, string region, ReasonCode reason)
{
    /// <summary>The steps, the topic (null when none can be used), and what a person must do.</summary>
    public (List<PlanStep> Steps, string? TopicArn, string? Manual) Steps()
    {
        var steps = new List<PlanStep>();
        string? manual = null;
        var topicArn = Chosen();
        if (topicArn is null)
        {
            topicArn = $"arn:{PolicyDocuments.PartitionOf(region)}:sns:{region}:{accountId}:{DefaultNames.Topic}";
            if (Find(topicArn) is null)
            {
                steps.Add(new CreateTopic(DefaultNames.Topic, topicArn) { AccountId = accountId, Region = region, Reason = reason });
            }
        }

        state.UseTopic(accountId, region, topicArn);
        var topic = Find(topicArn);
        if (topic is not null && topic.KmsMasterKeyId.TryGetValue(out var key) && key is not null && TopicKeys.IsAwsManagedSnsKey(key))
        {
            return (steps, null, $"topic {Name(topicArn)} is encrypted with the AWS managed key aws/sns, which EventBridge cannot use: choose another topic with --topic-arn, or switch the topic to a customer managed key");
        }

        var policy = topic is not null && topic.Policy.TryGetValue(out var existing) ? existing : null;
        var statement = PolicyDocuments.EventBridgePublishStatement(topicArn, accountId);
        if (topic is not null && !topic.Policy.IsKnown)
        {
            return (steps, null, $"the access policy of topic {Name(topicArn)} could not be read ({topic.Policy.Unknown}), so it cannot be merged: let events.amazonaws.com sns:Publish to it");
        }

        if (!PolicyDocuments.HasStatement(policy, statement))
        {
            steps.Add(new AllowEventBridgeToPublish(topicArn, PolicyDocuments.Serialize(statement), PolicyDocuments.WithStatement(policy, statement, AwsDefaultPolicies.Topic(topicArn, accountId)))
            {
                AccountId = accountId,
                Region = region,
                Reason = reason,
            });
        }

        if (KeySteps(topic, topicArn) is var (keySteps, keyManual))
        {
            steps.AddRange(keySteps);
            manual ??= keyManual;
        }

        var (subscribeSteps, subscribeManual) = Subscribers(topic, topicArn);
        steps.AddRange(subscribeSteps);
        return (steps, topicArn, manual ?? subscribeManual);
    }

    private string? Chosen()
    {
        if (state.Options.TopicArn is { } chosen)
        {
            if (chosen.Split(':') is [_, _, _, var topicRegion, _, _] && topicRegion == region)
            {
                return chosen;
            }

            state.Warn($"--topic-arn {chosen} is not in {region}, and a rule can only send to a topic in its own region: {region} uses a topic of its own");
        }

        if (state.TopicFor(accountId, region) is { } planned)
        {
            return planned;
        }

        var topics = state.Inventory.FindAccount(accountId)?.FindRegion(region)?.Topics;
        if (topics is null || !topics.TryGetValue(out var list))
        {
            return null;
        }

        return list
            .Where(t => t.Subscriptions.Is(subs => subs.Any(s => s.IsConfirmed)) && !t.KmsMasterKeyId.Is(k => k is not null && TopicKeys.IsAwsManagedSnsKey(k)) && t.KmsMasterKeyId.IsKnown)
            .OrderBy(t => t.Policy.Is(p => PolicyDocuments.HasStatement(p, PolicyDocuments.EventBridgePublishStatement(t.Arn, accountId))) ? 0 : 1)
            .ThenBy(t => t.KmsMasterKeyId.Is(k => k is null) ? 0 : 1)
            .ThenBy(t => t.Arn, StringComparer.Ordinal)
            .Select(t => t.Arn)
            .FirstOrDefault();
    }

    private (List<PlanStep> Steps, string? Manual)? KeySteps(Topic? topic, string topicArn)
    {
        if (topic is null || !topic.KmsMasterKeyId.TryGetValue(out var key) || key is null)
        {
            return null;
        }

        var statement = PolicyDocuments.EventBridgeKeyUseStatement();
        if (!topic.KeyPolicy.TryGetValue(out var keyPolicy) || keyPolicy is null)
        {
            return ([], $"the policy of key {key}, which encrypts topic {Name(topicArn)}, could not be read: let events.amazonaws.com kms:Decrypt and kms:GenerateDataKey* with it");
        }

        if (PolicyDocuments.HasStatement(keyPolicy, statement))
        {
            return ([], null);
        }

        return ([new AllowEventBridgeToUseKey(key, topicArn, PolicyDocuments.Serialize(statement), PolicyDocuments.WithStatement(keyPolicy, statement, PolicyDocuments.NewKeyPolicy(accountId, PolicyDocuments.PartitionOf(region))))
        {
            AccountId = accountId,
            Region = region,
            Reason = reason,
        }], null);
    }

    private (List<PlanStep> Steps, string? Manual) Subscribers(Topic? topic, string topicArn)
    {
        if (topic is not null && topic.Subscriptions.Is(subs => subs.Any(s => s.IsConfirmed)))
        {
            return ([], null);
        }

        if (state.Options.Notify is { } notify)
        {
            return ([new Subscribe(topicArn, notify.Protocol, notify.Endpoint) { AccountId = accountId, Region = region, Reason = reason }], null);
        }

        var pending = topic is not null && topic.Subscriptions.TryGetValue(out var subscriptions)
            ? subscriptions.Where(s => !s.IsConfirmed).Select(s => s.Endpoint.TryGetValue(out var endpoint) ? endpoint : null).OfType<string>().ToList()
            : [];
        if (pending.Count > 0)
        {
            var what = $"confirm the pending subscription of {string.Join(", ", pending)} to topic {Name(topicArn)} (the link in the message SNS sent), or rerun with --notify to add a recipient";
            return ([new ManualStep(what, topicArn) { AccountId = accountId, Region = region, Reason = reason }], null);
        }

        var name = $"name who receives the events of topic {Name(topicArn)}: rerun with --notify email:ADDRESS (or https:URL, sqs:ARN, lambda:ARN)";
        return ([new ManualStep(name) { AccountId = accountId, Region = region, Reason = reason }], name);
    }

    private Topic? Find(string topicArn)
    {
        var topics = state.Inventory.FindAccount(accountId)?.FindRegion(region)?.Topics;
        return topics is not null && topics.TryGetValue(out var list) ? list.FirstOrDefault(t => t.Arn == topicArn) : null;
    }

    private static string Name(string topicArn) => topicArn.Split(':')[^1];
}
