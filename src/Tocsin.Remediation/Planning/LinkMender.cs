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
internal sealed partial class LinkMender(PlanState state)
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

    private static string OwnerOf(Trail trail) =>
        trail.OwnerAccountId.TryGetValue(out var owner) ? owner : trail.Arn.Split(':')[4];

    private static string HomeOf(Trail trail) =>
        trail.HomeRegion.TryGetValue(out var home) ? home : trail.Arn.Split(':')[3];
}
