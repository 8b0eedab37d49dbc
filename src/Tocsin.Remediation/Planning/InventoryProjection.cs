using Tocsin.Core.Inventory;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Planning;

/// <summary>
/// The inventory as it will be once a step is done. The planner evaluates the projected inventory after each step, so
/// a plan is proved by the same evaluator that found the broken link, not by a separate idea of what fixes what.
/// </summary>
internal static class InventoryProjection
{
    public static CloudInventory Apply(CloudInventory inventory, PlanStep step) => step switch
    {
        CreateTrail create => InRegion(inventory, step, region => region with
        {
            Trails = Add(region.Trails, NewTrail(create, step)),
            MetricFilters = Collected(region.MetricFilters),
        }),
        StartLogging start => MapTrails(inventory, start.TrailArn, trail => trail with { IsLogging = true }),
        MakeTrailMultiRegion multi => MapTrails(inventory, multi.TrailArn, trail => trail with { IsMultiRegion = true }),
        RecordManagementEvents selectors => MapTrails(inventory, selectors.TrailArn, trail => trail with
        {
            EventSelectors = Observed.Known(selectors.EventSelectors ?? []),
            AdvancedEventSelectors = Observed.Known(selectors.AdvancedEventSelectors ?? []),
        }),
        CreateLogGroup group => InRegion(inventory, step, region => region with
        {
            LogGroups = Add(region.LogGroups, new LogGroup(group.LogGroupArn, group.LogGroupName)),
            MetricFilters = Collected(region.MetricFilters),
        }),
        DeliverTrailToLogs deliver => InRegion(
            MapTrails(inventory, deliver.TrailArn, trail => trail with
            {
                CloudWatchLogsLogGroupArn = Observed.Known<string?>(deliver.LogGroupArn),
                CloudWatchLogsRoleArn = Observed.Known<string?>(deliver.RoleArn),
            }),
            step,
            region => region with { MetricFilters = Collected(region.MetricFilters) }),
        PutMetricFilter filter => InRegion(inventory, step, region => region with
        {
            MetricFilters = Replace(region.MetricFilters, f => f.LogGroupName == filter.LogGroupName && f.Name == filter.FilterName, new MetricFilter(
                filter.LogGroupName,
                filter.FilterName,
                Observed.Known(filter.Pattern),
                Observed.Known<IReadOnlyList<MetricTransformation>>([new MetricTransformation(filter.MetricName, filter.MetricNamespace, "1", null, [])]))),
            Alarms = Collected(region.Alarms),
        }),
        CreateTopic topic => InRegion(inventory, step, region => region with
        {
            Topics = Replace(region.Topics, t => t.Arn == topic.TopicArn, new Topic(
                topic.TopicArn,
                Observed.Known<string?>(AwsDefaultPolicies.Topic(topic.TopicArn, step.AccountId)),
                Observed.Known<string?>(null),
                Observed.Known<IReadOnlyList<Subscription>>([]))),
        }),
        AllowCloudWatchToPublish grant => MapTopic(inventory, step, grant.TopicArn, topic => topic with { Policy = Observed.Known<string?>(grant.Policy) }),
        AllowCloudWatchToUseKey key => InRegion(inventory, step, region => region with
        {
            Topics = region.Topics.Select(topics => (IReadOnlyList<Topic>)[.. topics.Select(t => t.KmsMasterKeyId.Is(id => id == key.KeyId) ? t with { KeyPolicy = Observed.Known<string?>(key.Policy) } : t)]),
        }),
        EncryptTopicWithNewKey key => MapTopic(inventory, step, key.TopicArn, topic => topic with
        {
            KmsMasterKeyId = Observed.Known<string?>(key.KeyAlias),
            KeyPolicy = Observed.Known<string?>(key.KeyPolicy),
        }),
        Subscribe subscribe => MapTopic(inventory, step, subscribe.TopicArn, topic => topic with
        {
            Subscriptions = Add(topic.Subscriptions, new Subscription(
                subscribe.NeedsConfirmation ? Subscription.PendingConfirmation : $"{subscribe.TopicArn}:planned-subscription",
                Observed.Known(subscribe.Protocol),
                Observed.Known<string?>(subscribe.Endpoint))),
        }),
        PutAlarm alarm => InRegion(inventory, step, region => region with
        {
            Alarms = Replace(region.Alarms, a => a.Name == alarm.Settings.AlarmName, AlarmOf(alarm)),
        }),
        EnableAlarmActions enable => InRegion(inventory, step, region => region with
        {
            Alarms = region.Alarms.Select(alarms => (IReadOnlyList<Alarm>)[.. alarms.Select(a => a.Arn == enable.AlarmArn ? a with { ActionsEnabled = true } : a)]),
        }),
        AllowEventBridgeToPublish grant => MapTopic(inventory, step, grant.TopicArn, topic => topic with { Policy = Observed.Known<string?>(grant.Policy) }),
        AllowEventBridgeToUseKey key => InRegion(inventory, step, region => region with
        {
            Topics = region.Topics.Select(topics => (IReadOnlyList<Topic>)[.. topics.Select(t => t.KmsMasterKeyId.Is(id => id == key.KeyId) ? t with { KeyPolicy = Observed.Known<string?>(key.Policy) } : t)]),
        }),
        PutEventRule rule => InRegion(inventory, step, region => region with
        {
            EventRules = PutRule(region.EventRules, rule, step),
        }),
        PutEventTarget target => InRegion(inventory, step, region => region with
        {
            EventRules = region.EventRules.Select(rules => (IReadOnlyList<EventRule>)[.. rules.Select(r => r.Name != target.RuleName || r.EventBusName != EventRule.DefaultBus ? r : r with
            {
                Targets = Replace(r.Targets, t => t.Id == target.TargetId, new EventTarget(target.TargetId, target.TopicArn, Observed.Known<string?>(null), Observed.Known(EventTargetInput.MatchedEvent))),
            })]),
        }),
        _ => inventory,
    };

    /// <summary>PutRule replaces the rule's pattern and state and keeps its targets.</summary>
    private static Observed<IReadOnlyList<EventRule>> PutRule(Observed<IReadOnlyList<EventRule>> rules, PutEventRule put, PlanStep step)
    {
        var existing = rules.TryGetValue(out var list) ? list.FirstOrDefault(r => r.Name == put.RuleName && r.EventBusName == EventRule.DefaultBus) : null;
        var state = put.State switch
        {
            "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" => EventRuleState.EnabledWithAllCloudTrailManagementEvents,
            "DISABLED" => EventRuleState.Disabled,
            _ => EventRuleState.Enabled,
        };
        var rule = new EventRule(
            put.RuleName,
            $"arn:{PolicyDocuments.PartitionOf(step.Region)}:events:{step.Region}:{step.AccountId}:rule/{put.RuleName}",
            EventRule.DefaultBus,
            Observed.Known(state),
            Observed.Known<string?>(put.EventPattern),
            Observed.Known<string?>(null),
            Observed.Known<string?>(null),
            existing?.Targets ?? Observed.Known<IReadOnlyList<EventTarget>>([]));
        return Replace(rules, r => r.Name == put.RuleName && r.EventBusName == EventRule.DefaultBus, rule);
    }

    /// <summary>What the inventory would be once every pending subscription of these topics is confirmed.</summary>
    public static CloudInventory ConfirmPending(CloudInventory inventory, IReadOnlySet<string> topicArns) => inventory with
    {
        Accounts = [.. inventory.Accounts.Select(account => account with
        {
            Regions = account.Regions.Select(regions => (IReadOnlyList<Region>)[.. regions.Select(region => region with
            {
                Topics = region.Topics.Select(topics => (IReadOnlyList<Topic>)[.. topics.Select(topic => !topicArns.Contains(topic.Arn) ? topic : topic with
                {
                    Subscriptions = topic.Subscriptions.Select(subscriptions => (IReadOnlyList<Subscription>)[.. subscriptions.Select(s =>
                        s.SubscriptionArn == Subscription.PendingConfirmation ? s with { SubscriptionArn = $"{topic.Arn}:confirmed-by-recipient" } : s)]),
                })]),
            })]),
        })],
    };

    public static string AlarmArn(string accountId, string region, string alarmName) =>
        $"arn:{PolicyDocuments.PartitionOf(region)}:cloudwatch:{region}:{accountId}:alarm:{alarmName}";

    private static Trail NewTrail(CreateTrail create, PlanStep step) => new(
        create.TrailArn,
        create.TrailName,
        Observed.Known(step.Region),
        Observed.Known(step.AccountId),
        Observed.Known(true),
        Observed.Known(false),
        Observed.Known(false),
        Observed.Known<string?>(null),
        Observed.Known<DateTimeOffset?>(null),
        Observed.Known<string?>(null),
        Observed.Known<IReadOnlyList<EventSelector>>([new EventSelector(ReadWriteType.All, true, [])]),
        Observed.Known<IReadOnlyList<AdvancedEventSelector>>([]),
        Observed.Known<string?>(create.LogGroupArn),
        Observed.Known<string?>(create.RoleArn));

    private static Alarm AlarmOf(PutAlarm put)
    {
        var s = put.Settings;
        return new Alarm(
            s.AlarmName,
            AlarmArn(put.AccountId, put.Region, s.AlarmName),
            Observed.Known<string?>(s.MetricName),
            Observed.Known<string?>(s.Namespace),
            Observed.Known<IReadOnlyList<Dimension>>([.. s.Dimensions.Select(d => new Dimension(d.Name, d.Value))]),
            Observed.Known(Enum.TryParse<Statistic>(s.Statistic, out var statistic) ? statistic : (Statistic?)null),
            Observed.Known<string?>(null),
            Observed.Known<IReadOnlyList<MetricDataQuery>>([]),
            Observed.Known<int?>(s.Period),
            Observed.Known(s.EvaluationPeriods),
            Observed.Known(s.DatapointsToAlarm),
            Observed.Known<double?>(s.Threshold),
            Observed.Known(Enum.Parse<AlarmComparisonOperator>(s.ComparisonOperator)),
            Observed.Known(s.TreatMissingData),
            Observed.Known(s.ActionsEnabled),
            Observed.Known(s.AlarmActions),
            Observed.Known(s.OkActions),
            Observed.Known(s.InsufficientDataActions));
    }

    private static CloudInventory InRegion(CloudInventory inventory, PlanStep step, Func<Region, Region> change) => inventory with
    {
        Accounts = [.. inventory.Accounts.Select(account => account.Id != step.AccountId ? account : account with
        {
            Regions = account.Regions.Select(regions => (IReadOnlyList<Region>)[.. regions.Select(region => region.Name == step.Region ? change(region) : region)]),
        })],
    };

    private static CloudInventory MapTopic(CloudInventory inventory, PlanStep step, string topicArn, Func<Topic, Topic> change) =>
        InRegion(inventory, step, region => region with
        {
            Topics = region.Topics.Select(topics => (IReadOnlyList<Topic>)[.. topics.Select(t => t.Arn == topicArn ? change(t) : t)]),
        });

    /// <summary>Changes every copy of a trail: its home region's, the shadow copies, and member accounts' views of an organization trail.</summary>
    private static CloudInventory MapTrails(CloudInventory inventory, string trailArn, Func<Trail, Trail> change) => inventory with
    {
        Accounts = [.. inventory.Accounts.Select(account => account with
        {
            Regions = account.Regions.Select(regions => (IReadOnlyList<Region>)[.. regions.Select(region => region with
            {
                Trails = region.Trails.Select(trails => (IReadOnlyList<Trail>)[.. trails.Select(t => t.Arn == trailArn ? change(t) : t)]),
            })]),
        })],
    };

    /// <summary>
    /// The list with the item added. A list the scan left unread because nothing in the chain needed it yet (no
    /// filter on the trail's log group, so no alarms read) holds, as far as the new chain goes, what the plan puts
    /// there; a list that could not be read (access denied, throttled) stays unknown.
    /// </summary>
    private static Observed<IReadOnlyList<T>> Add<T>(Observed<IReadOnlyList<T>> list, T item) =>
        Replace(list, _ => false, item);

    /// <summary>A list the scan left unread because no chain reached it: once the plan leads a chain there, it holds what the plan puts there.</summary>
    private static Observed<IReadOnlyList<T>> Collected<T>(Observed<IReadOnlyList<T>> list) =>
        list.Unknown is { Reason: UnknownReason.NotCollected } ? Observed.Known<IReadOnlyList<T>>([]) : list;

    private static Observed<IReadOnlyList<T>> Replace<T>(Observed<IReadOnlyList<T>> list, Func<T, bool> same, T item) =>
        list.Unknown is { Reason: UnknownReason.NotCollected }
            ? Observed.Known<IReadOnlyList<T>>([item])
            : list.Select(items => (IReadOnlyList<T>)[.. items.Where(i => !same(i)), item]);
}
