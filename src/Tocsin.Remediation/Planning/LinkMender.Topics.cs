using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Planning;

/// <summary>The topic link: which topic alarms notify, its policy and key, and who is subscribed.</summary>
internal sealed partial class LinkMender
{
    /// <summary>
    /// The grant, and when the topic's own policy explicitly denies CloudWatch (a Deny the grant cannot outweigh), the
    /// statement a person must remove: a plan never deletes what someone wrote on purpose.
    /// </summary>
    private List<PlanStep> PublishAccess(string topicArn, ReasonCode reason)
    {
        var grant = GrantPublish(topicArn, reason);
        if (TopicPolicy.LetsCloudWatchPublish(grant.Policy, grant.AccountId) == PolicyAnswer.Allows)
        {
            return [grant];
        }

        return [grant, new ManualStep($"remove the statement of topic {topicArn.Split(':')[^1]}'s access policy that denies cloudwatch.amazonaws.com sns:Publish: no added statement can outweigh an explicit Deny") { AccountId = grant.AccountId, Region = grant.Region, Reason = reason }];
    }

    private AllowCloudWatchToPublish GrantPublish(string topicArn, ReasonCode reason)
    {
        var (account, region) = TopicPlace(topicArn);
        var topic = FindTopic(topicArn);
        var policy = topic is not null && topic.Policy.TryGetValue(out var existing) ? existing : null;
        var statement = PolicyDocuments.TopicPublishStatement(topicArn, account);
        return new AllowCloudWatchToPublish(topicArn, PolicyDocuments.Serialize(statement),
            PolicyDocuments.WithStatement(policy, statement, AwsDefaultPolicies.Topic(topicArn, account)))
        {
            AccountId = account,
            Region = region,
            Reason = reason,
        };
    }

    private List<PlanStep> KeyAccess(string topicArn, ReasonCode reason)
    {
        var (account, region) = TopicPlace(topicArn);
        var topic = FindTopic(topicArn);
        if (topic is null || !topic.KmsMasterKeyId.TryGetValue(out var key) || key is null)
        {
            return [];
        }

        if (TopicKeys.IsAwsManagedSnsKey(key))
        {
            return [new EncryptTopicWithNewKey(topicArn, DefaultNames.KeyAlias, PolicyDocuments.NewKeyPolicy(account, PolicyDocuments.PartitionOf(region))) { AccountId = account, Region = region, Reason = reason }];
        }

        if (!topic.KeyPolicy.TryGetValue(out var keyPolicy) || keyPolicy is null)
        {
            return [];
        }

        var statement = PolicyDocuments.KeyUseStatement();
        return
        [
            new AllowCloudWatchToUseKey(key, topicArn, PolicyDocuments.Serialize(statement), PolicyDocuments.WithStatement(keyPolicy, statement, PolicyDocuments.NewKeyPolicy(account, PolicyDocuments.PartitionOf(region))))
            {
                AccountId = account,
                Region = region,
                Reason = reason,
            },
        ];
    }

    /// <summary>
    /// A topic nobody has confirmed: subscribe <c>--notify</c> to it; else send the alarm to another topic that has a
    /// confirmed subscriber; else a person must confirm the pending subscription or name a recipient.
    /// </summary>
    private List<PlanStep> Subscriber(Control control, (string AccountId, string Region, string Name) group, Alarm alarm, string topicArn, ReasonCode reason)
    {
        var (account, region) = TopicPlace(topicArn);
        if (state.Options.Notify is { } notify)
        {
            return [.. SubscribeSteps(account, region, topicArn, notify, reason)];
        }

        if (ConfirmedTopic(group.AccountId, group.Region, exclude: topicArn) is { } other && Settings(alarm) is { } settings)
        {
            return [new PutAlarm(settings with { AlarmActions = [.. settings.AlarmActions.Take(4), other] }, Exists: true, control.Id) { AccountId = group.AccountId, Region = group.Region, Reason = reason }];
        }

        var pending = FindTopic(topicArn)?.Subscriptions.TryGetValue(out var subscriptions) == true
            ? subscriptions.Where(s => !s.IsConfirmed).Select(s => s.Endpoint.TryGetValue(out var endpoint) ? endpoint : null).OfType<string>().ToList()
            : [];
        var what = pending.Count > 0
            ? $"confirm the pending subscription of {string.Join(", ", pending)} to topic {topicArn.Split(':')[^1]} (the link in the message SNS sent), or rerun with --notify to add a recipient"
            : $"name who receives the alarms of topic {topicArn.Split(':')[^1]}: rerun with --notify email:ADDRESS (or https:URL, sqs:ARN, lambda:ARN)";
        return [new ManualStep(what, pending.Count > 0 ? topicArn : null) { AccountId = account, Region = region, Reason = reason }];
    }

    /// <summary>The topic alarms of this account and region notify, and the steps that make it (nothing when one is reused).</summary>
    private (List<PlanStep> Steps, string TopicArn) Topic(string accountId, string region, string? exclude, ReasonCode reason)
    {
        if (state.Options.TopicArn is { } chosen)
        {
            return ([], chosen);
        }

        if (state.TopicFor(accountId, region) is { } planned && planned != exclude)
        {
            return ([], planned);
        }

        if (ConfirmedTopic(accountId, region, exclude) is { } existing)
        {
            state.UseTopic(accountId, region, existing);
            return ([], existing);
        }

        var topicArn = $"arn:{PolicyDocuments.PartitionOf(region)}:sns:{region}:{accountId}:{DefaultNames.Topic}";
        var steps = new List<PlanStep>();
        if (FindTopic(topicArn) is null)
        {
            steps.Add(new CreateTopic(DefaultNames.Topic, topicArn) { AccountId = accountId, Region = region, Reason = reason });
            state.Add(steps);
        }

        steps.Add(GrantPublish(topicArn, reason));
        if (state.Options.Notify is { } notify)
        {
            steps.AddRange(SubscribeSteps(accountId, region, topicArn, notify, reason));
        }

        state.UseTopic(accountId, region, topicArn);
        return (steps, topicArn);
    }

    private static IEnumerable<PlanStep> SubscribeSteps(string accountId, string region, string topicArn, NotifyEndpoint notify, ReasonCode reason)
    {
        var subscribe = new Subscribe(topicArn, notify.Protocol, notify.Endpoint) { AccountId = accountId, Region = region, Reason = reason };
        yield return subscribe;
    }

    /// <summary>An existing topic in the account and region with a confirmed subscriber, preferring one whose policy already lets CloudWatch publish.</summary>
    private string? ConfirmedTopic(string accountId, string region, string? exclude)
    {
        var topics = state.Inventory.FindAccount(accountId)?.FindRegion(region)?.Topics;
        if (topics is null || !topics.TryGetValue(out var list))
        {
            return null;
        }

        return list
            .Where(t => t.Arn != exclude && t.Subscriptions.Is(subs => subs.Any(s => s.IsConfirmed)))
            .OrderBy(t => t.Policy.Is(p => p is not null && TopicPolicy.LetsCloudWatchPublish(p, accountId) == PolicyAnswer.Allows) ? 0 : 1)
            .ThenBy(t => t.KmsMasterKeyId.Is(k => k is null) ? 0 : 1)
            .ThenBy(t => t.Arn, StringComparer.Ordinal)
            .Select(t => t.Arn)
            .FirstOrDefault();
    }

    /// <summary>True when the topic's account and region were read and it is not there.</summary>
    private bool IsKnownAbsent(string topicArn)
    {
        var (account, region) = TopicPlace(topicArn);
        var topics = state.Inventory.FindAccount(account)?.FindRegion(region)?.Topics;
        return topics is not null && topics.TryGetValue(out var list) && list.All(t => t.Arn != topicArn);
    }

    private Topic? FindTopic(string topicArn)
    {
        var (account, region) = TopicPlace(topicArn);
        var topics = state.Inventory.FindAccount(account)?.FindRegion(region)?.Topics;
        return topics is not null && topics.TryGetValue(out var list) ? list.FirstOrDefault(t => t.Arn == topicArn) : null;
    }

    private static (string Account, string Region) TopicPlace(string topicArn)
    {
        var parts = topicArn.Split(':');
        return parts.Length > 5 ? (parts[4], parts[3]) : ("", "");
    }
}
