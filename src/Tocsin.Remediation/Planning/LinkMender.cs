using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Planning;

/// <summary>
/// The steps that mend one broken link, reusing what exists: the trail's own log group, a topic that already has a
/// confirmed subscriber, the existing filter's metric when only the alarm is wrong. One case per fail reason code.
/// </summary>
internal sealed class LinkMender(PlanState state)
{
    public IReadOnlyList<PlanStep> Mend(Finding finding, Control control)
    {
        var links = ChainLinks.Of(state.Inventory, finding);
        var reason = finding.Reasons[0];
        return reason switch
        {
            ReasonCode.NoTrail => NewTrail(finding.AccountId, reason),
            ReasonCode.TrailNotMultiRegion when links.Trail is { } trail => [new MakeTrailMultiRegion(trail.Name, trail.Arn) { AccountId = OwnerOf(trail), Region = HomeOf(trail), Reason = reason }],
            ReasonCode.TrailNotLogging when links.Trail is { } trail => [new StartLogging(trail.Name, trail.Arn) { AccountId = OwnerOf(trail), Region = HomeOf(trail), Reason = reason }],
            ReasonCode.NoManagementEvents when links.Trail is { } trail => [ManagementEvents(trail, control, reason)],
            ReasonCode.TrailNoCloudWatchLogs when links.Trail is { } trail => LogDelivery(trail, reason),
            ReasonCode.NoMetricFilter or ReasonCode.PatternInsufficient or ReasonCode.PatternNeverFires when links.LogGroup is { } group =>
                [Filter(control, group, reason)],
            ReasonCode.NoAlarm when links.Filter is { } filter && links.LogGroup is { } group => NewAlarm(control, group, filter, reason),
            ReasonCode.AlarmMetricMismatch when links.Filter is { } filter && links.LogGroup is { } group => FixNamespace(control, group, filter, reason),
            ReasonCode.AlarmActionsDisabled when links.Alarm is { } alarm && links.LogGroup is { } group =>
                [new EnableAlarmActions(alarm.Name, alarm.Arn) { AccountId = group.AccountId, Region = group.Region, Reason = reason }],
            ReasonCode.AlarmCannotFire when links.Alarm is { } alarm && links.Filter is { } filter && links.LogGroup is { } group =>
                MakeFire(control, group, filter, alarm, reason),
            ReasonCode.AlarmNoAction or ReasonCode.TopicMissing when links.Alarm is { } alarm && links.LogGroup is { } group =>
                Notify(control, group, alarm, links.TopicArn, reason),
            ReasonCode.TopicPolicyDeniesCloudWatch when links.TopicArn is { } topicArn => PublishAccess(topicArn, reason),
            ReasonCode.TopicKeyDeniesCloudWatch when links.TopicArn is { } topicArn => KeyAccess(topicArn, reason),
            ReasonCode.NoConfirmedSubscription when links.TopicArn is { } topicArn && links.Alarm is { } alarm && links.LogGroup is { } group =>
                Subscriber(control, group, alarm, topicArn, reason),
            _ => [],
        };
    }

    private IReadOnlyList<PlanStep> NewTrail(string accountId, ReasonCode reason)
    {
        var account = state.Inventory.FindAccount(accountId);
        var regions = account?.Regions.TryGetValue(out var known) == true ? known.Select(r => r.Name).ToList() : [];
        if (regions.Count == 0)
        {
            return [];
        }

        var region = regions.Contains("us-east-1") ? "us-east-1" : regions.Order(StringComparer.Ordinal).First();
        var partition = PolicyDocuments.PartitionOf(region);
        var trailArn = $"arn:{partition}:cloudtrail:{region}:{accountId}:trail/{DefaultNames.Trail}";
        var bucket = DefaultNames.Bucket(accountId, region);
        var (groupSteps, logGroupArn, roleArn) = DeliveryParts(accountId, region, null, reason);
        return
        [
            new CreateTrailBucket(bucket, PolicyDocuments.TrailBucketPolicy(partition, bucket, accountId, trailArn)) { AccountId = accountId, Region = region, Reason = reason },
            .. groupSteps,
            new CreateTrail(DefaultNames.Trail, trailArn, bucket, logGroupArn + ":*", roleArn) { AccountId = accountId, Region = region, Reason = reason },
            new StartLogging(DefaultNames.Trail, trailArn) { AccountId = accountId, Region = region, Reason = reason },
        ];
    }

    /// <summary>Changes to an existing trail are made where CloudTrail takes them: the owner account, the home region.</summary>
    private static RecordManagementEvents ManagementEvents(Trail trail, Control control, ReasonCode reason)
    {
        if (trail.AdvancedEventSelectors.TryGetValue(out var advanced) && advanced.Count > 0)
        {
            var management = new AdvancedEventSelector("Management events", [new AdvancedFieldSelector("eventCategory", ["Management"], [], [], [], [], [])]);
            return new RecordManagementEvents(trail.Name, trail.Arn, null, [.. advanced, management]) { AccountId = OwnerOf(trail), Region = HomeOf(trail), Reason = reason };
        }

        var basic = trail.EventSelectors.TryGetValue(out var selectors) ? selectors : [];
        var needed = control.Corpus.Select(e => e.Event.TryGetProperty("eventSource", out var s) ? s.GetString() : null).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var kept = basic.Select(s => s with { ExcludeManagementEventSources = [.. s.ExcludeManagementEventSources.Where(source => !needed.Contains(source))] }).ToList();
        var managing = kept.FindIndex(s => s.IncludeManagementEvents);
        if (managing >= 0)
        {
            kept[managing] = kept[managing] with { ReadWriteType = ReadWriteType.All };
        }
        else
        {
            kept.Add(new EventSelector(ReadWriteType.All, true, []));
        }

        return new RecordManagementEvents(trail.Name, trail.Arn, kept, null) { AccountId = OwnerOf(trail), Region = HomeOf(trail), Reason = reason };
    }

    private List<PlanStep> LogDelivery(Trail trail, ReasonCode reason)
    {
        var account = OwnerOf(trail);
        var region = HomeOf(trail);
        var organization = trail.IsOrganizationTrail.Is(org => org) ? state.Inventory.Organization?.Id : null;
        var (groupSteps, logGroupArn, roleArn) = DeliveryParts(account, region, organization, reason);
        return [.. groupSteps, new DeliverTrailToLogs(trail.Name, trail.Arn, logGroupArn + ":*", roleArn) { AccountId = account, Region = region, Reason = reason }];
    }

    /// <summary>The log group (reused when it exists) and the delivery role a trail needs to reach CloudWatch Logs.</summary>
    private (List<PlanStep> Steps, string LogGroupArn, string RoleArn) DeliveryParts(string accountId, string region, string? organizationId, ReasonCode reason)
    {
        var partition = PolicyDocuments.PartitionOf(region);
        var logGroupArn = $"arn:{partition}:logs:{region}:{accountId}:log-group:{DefaultNames.LogGroup}";
        var roleArn = $"arn:{partition}:iam::{accountId}:role/{DefaultNames.DeliveryRole}";
        var steps = new List<PlanStep>();
        var existing = state.Inventory.FindAccount(accountId)?.FindRegion(region)?.LogGroups;
        if (existing is null || !existing.Is(groups => groups.Any(g => g.Name == DefaultNames.LogGroup)))
        {
            steps.Add(new CreateLogGroup(DefaultNames.LogGroup, logGroupArn) { AccountId = accountId, Region = region, Reason = reason });
        }

        steps.Add(new CreateLogDeliveryRole(DefaultNames.DeliveryRole, roleArn, PolicyDocuments.CloudTrailTrustPolicy(), DefaultNames.DeliveryRolePolicy,
            PolicyDocuments.LogDeliveryPolicy(partition, region, accountId, DefaultNames.LogGroup, organizationId)) { AccountId = accountId, Region = region, Reason = reason });
        return (steps, logGroupArn, roleArn);
    }

    private PutMetricFilter Filter(Control control, (string AccountId, string Region, string Name) group, ReasonCode reason)
    {
        var defaults = control.Remediation;
        var (pattern, warning) = PatternFor(control);
        return new PutMetricFilter(control.Id, group.Name, defaults.FilterName, pattern, defaults.MetricName, state.Options.Namespace ?? defaults.MetricNamespace, warning)
        {
            AccountId = group.AccountId,
            Region = group.Region,
            Reason = reason,
        };
    }

    /// <summary>The reference pattern, or the chosen accepted variant with what it stops alerting on.</summary>
    private (string Pattern, string? Warning) PatternFor(Control control)
    {
        if (state.Options.Variant is not { } name || control.AcceptedVariants.FirstOrDefault(v => v.Name == name) is not { } variant)
        {
            return (control.Remediation.Pattern, null);
        }

        var covered = variant.Drops
            .Select(control.FindPopulation)
            .OfType<Population>()
            .Select(population => population.CoveredBy is { } other && other != control.Id
                ? state.Controls.Any(c => c.Id == other)
                    ? $"{population.Name} is left to {other}, which this plan also checks"
                    : $"{population.Name} is left to {other}, which this plan does not check: add --controls {control.Id},{other}"
                : $"{population.Name} is no longer alerted on")
            .ToList();
        return (variant.Pattern, $"variant {variant.Name} of {control.Id} stops alerting on {string.Join(", ", variant.Drops)}: {string.Join("; ", covered)}");
    }

    private List<PlanStep> NewAlarm(Control control, (string AccountId, string Region, string Name) group, MetricFilter filter, ReasonCode reason)
    {
        if (!filter.Transformations.TryGetValue(out var metrics) || metrics.Count == 0)
        {
            return [];
        }

        var metric = metrics[0];
        var (topicSteps, topicArn) = Topic(group.AccountId, group.Region, exclude: null, reason);
        var name = FreeAlarmName(group, control.Remediation.AlarmName, metric);
        var settings = new AlarmSettings(name, metric.MetricName, metric.MetricNamespace, "Sum", 300, 1, null, 1, "GreaterThanOrEqualToThreshold", "notBreaching",
            true, [topicArn], [], [], [], $"CIS {control.Id}: {control.Title}");
        return [.. topicSteps, new PutAlarm(settings, Exists: false, control.Id) { AccountId = group.AccountId, Region = group.Region, Reason = reason }];
    }

    /// <summary>The control's alarm name, unless an alarm of that name watches something else (then a suffixed one).</summary>
    private string FreeAlarmName((string AccountId, string Region, string Name) group, string name, MetricTransformation metric)
    {
        var alarms = state.Inventory.FindAccount(group.AccountId)?.FindRegion(group.Region)?.Alarms;
        var taken = alarms is not null && alarms.TryGetValue(out var list) ? list.Where(a => AlarmFit.Of(a, metric) != AlarmFit.Watch.Watches).Select(a => a.Name).ToHashSet(StringComparer.Ordinal) : [];
        return taken.Contains(name) ? $"{name}-{metric.MetricName}" : name;
    }

    private List<PlanStep> FixNamespace(Control control, (string AccountId, string Region, string Name) group, MetricFilter filter, ReasonCode reason)
    {
        var metric = filter.Transformations.TryGetValue(out var metrics) && metrics.Count > 0 ? metrics[0] : null;
        var alarms = state.Inventory.FindAccount(group.AccountId)?.FindRegion(group.Region)?.Alarms;
        if (metric is null || alarms is null || !alarms.TryGetValue(out var list))
        {
            return [];
        }

        var near = list.FirstOrDefault(a => AlarmFit.Of(a, metric) is AlarmFit.Watch.SameNameOtherNamespace or AlarmFit.Watch.OtherDimensions);
        if (near is null || Settings(near) is not { } settings)
        {
            return NewAlarm(control, group, filter, reason);
        }

        return [new PutAlarm(settings with { Namespace = metric.MetricNamespace, Dimensions = [] }, Exists: true, control.Id) { AccountId = group.AccountId, Region = group.Region, Reason = reason }];
    }

    private List<PlanStep> MakeFire(Control control, (string AccountId, string Region, string Name) group, MetricFilter filter, Alarm alarm, ReasonCode reason)
    {
        if (Settings(alarm) is not { } settings)
        {
            // A metric-math alarm is the user's own construction: leave it, and add the control's alarm beside it.
            return NewAlarm(control, group, filter, reason);
        }

        var period = settings.Period is 10 or 20 or 30 || (settings.Period > 0 && settings.Period % 60 == 0) ? settings.Period : 300;
        return
        [
            new PutAlarm(settings with
            {
                Statistic = "Sum",
                Period = period,
                EvaluationPeriods = 1,
                DatapointsToAlarm = null,
                Threshold = 1,
                ComparisonOperator = "GreaterThanOrEqualToThreshold",
                TreatMissingData = "notBreaching",
            }, Exists: true, control.Id) { AccountId = group.AccountId, Region = group.Region, Reason = reason },
        ];
    }

    /// <summary>Adds a topic to an alarm that notifies nobody, or in place of the topic it names that does not exist.</summary>
    private List<PlanStep> Notify(Control control, (string AccountId, string Region, string Name) group, Alarm alarm, string? missingTopic, ReasonCode reason)
    {
        if (Settings(alarm) is not { } settings)
        {
            return [];
        }

        // The evidence of topic-missing stops before the topic, so the missing topics are the alarm's SNS actions that do not exist.
        var missing = settings.AlarmActions.Where(a => a == missingTopic || (a.Split(':') is [_, _, "sns", ..] && IsKnownAbsent(a))).ToHashSet(StringComparer.Ordinal);
        var (topicSteps, topicArn) = Topic(group.AccountId, group.Region, exclude: missingTopic, reason);
        var actions = settings.AlarmActions.Where(a => !missing.Contains(a) && a != topicArn).Take(4).Append(topicArn).ToList();
        return [.. topicSteps, new PutAlarm(settings with { AlarmActions = actions }, Exists: true, control.Id) { AccountId = group.AccountId, Region = group.Region, Reason = reason }];
    }

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
            PolicyDocuments.WithStatement(policy, statement, PolicyDocuments.DefaultTopicPolicy(topicArn, account)))
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

    /// <summary>Everything PutMetricAlarm needs to send an existing single-metric alarm back whole; null for a metric-math alarm or an unseen setting.</summary>
    private static AlarmSettings? Settings(Alarm alarm)
    {
        if (alarm.IsMetricMath
            || !alarm.MetricName.TryGetValue(out var metricName) || metricName is null
            || !alarm.Namespace.TryGetValue(out var ns) || ns is null
            || !alarm.Statistic.TryGetValue(out var statistic) || statistic is null
            || !alarm.Period.TryGetValue(out var period) || period is null
            || !alarm.EvaluationPeriods.TryGetValue(out var evaluationPeriods)
            || !alarm.DatapointsToAlarm.TryGetValue(out var datapoints)
            || !alarm.Threshold.TryGetValue(out var threshold) || threshold is null
            || !alarm.ComparisonOperator.TryGetValue(out var comparison)
            || !alarm.TreatMissingData.TryGetValue(out var missing)
            || !alarm.ActionsEnabled.TryGetValue(out var enabled)
            || !alarm.AlarmActions.TryGetValue(out var actions)
            || !alarm.OkActions.TryGetValue(out var ok)
            || !alarm.InsufficientDataActions.TryGetValue(out var insufficient)
            || !alarm.Dimensions.TryGetValue(out var dimensions))
        {
            return null;
        }

        return new AlarmSettings(alarm.Name, metricName, ns, statistic.Value.ToString(), period.Value, evaluationPeriods, datapoints, threshold.Value,
            comparison.ToString(), missing, enabled, actions, ok, insufficient, [.. dimensions.Select(d => new AlarmDimension(d.Name, d.Value))], null);
    }

    private static string OwnerOf(Trail trail) =>
        trail.OwnerAccountId.TryGetValue(out var owner) ? owner : trail.Arn.Split(':')[4];

    private static string HomeOf(Trail trail) =>
        trail.HomeRegion.TryGetValue(out var home) ? home : trail.Arn.Split(':')[3];
}
