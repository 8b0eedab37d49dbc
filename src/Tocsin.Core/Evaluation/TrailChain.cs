using Tocsin.Core.Controls;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.Evaluation;

/// <summary>
/// Follows one trail's chain for one control (DESIGN.md "The chain a control demands"): the trail, its log group,
/// every metric filter on it, every alarm on each filter's metric, every topic those alarms notify. Each branch
/// ends in a <see cref="ChainResult"/>; the caller keeps the best.
/// </summary>
internal sealed class TrailChain(CloudInventory inventory, Control control, FilterJudge judge, EvaluationOptions options)
{
    public IReadOnlyList<ChainResult> Walk(Trail trail)
    {
        var walk = new ChainWalk { Region = trail.HomeRegion.TryGetValue(out var home) ? home : null }.At(trail.Arn);
        var name = $"trail {trail.Name}";

        if (trail.IsMultiRegion.IsNot(multi => multi))
        {
            return [walk.Fail(ReasonCode.TrailNotMultiRegion, $"{name} records only its home region{(home is null ? "" : $" {home}")}; events in other regions go unrecorded (a multi-region trail is required)")];
        }

        walk = Check(walk, trail.IsMultiRegion, $"whether {name} is multi-region").Held();
        if (trail.IsLogging.IsNot(logging => logging))
        {
            return [walk.Fail(ReasonCode.TrailNotLogging, $"{name} is not logging: it records nothing")];
        }

        walk = Check(walk, trail.IsLogging, $"whether {name} is logging").Held();
        var (covered, unknown, detail) = ManagementEventCoverage.Of(trail);
        if (covered == false)
        {
            return [walk.Fail(ReasonCode.NoManagementEvents, $"{name} does not record the management events the control needs: {detail}")];
        }

        if (ExcludedEventSources.AllLeftOut(trail, control) is [_, ..] excluded)
        {
            return [walk.Fail(ReasonCode.NoManagementEvents, $"{name} does not record the management events the control needs: its event selectors leave out {string.Join(", ", excluded)}, where every event {control.Id} alerts on comes from")];
        }

        walk = (unknown is null ? walk : walk.Unseen(unknown, detail)).Held();
        if (!trail.CloudWatchLogsLogGroupArn.TryGetValue(out var logGroupArn))
        {
            return [walk.Blocked(trail.CloudWatchLogsLogGroupArn.Unknown, $"where {name} delivers")];
        }

        if (logGroupArn is null || LogGroupArns.Parse(logGroupArn) is not { } logGroup)
        {
            return [walk.Fail(ReasonCode.TrailNoCloudWatchLogs, $"{name} does not deliver to CloudWatch Logs, so no metric filter can see its events")];
        }

        walk = walk.Held(LogGroupArns.Normalize(logGroupArn)) with { Region = logGroup.Region };
        var region = inventory.FindAccount(logGroup.AccountId)?.FindRegion(logGroup.Region);
        if (region is null)
        {
            return [walk.Blocked(new Unknown(UnknownReason.NotCollected, $"account {logGroup.AccountId} in {logGroup.Region} was not scanned"), $"log group {logGroup.Name}")];
        }

        return Filters(walk, region, logGroup.Name);
    }

    private static ChainWalk Check<T>(ChainWalk walk, Observed<T> value, string what) =>
        value.IsKnown ? walk : walk.Unseen(value.Unknown, what);

    private List<ChainResult> Filters(ChainWalk walk, Region region, string logGroupName)
    {
        if (!region.MetricFilters.TryGetValue(out var all))
        {
            return [walk.Blocked(region.MetricFilters.Unknown, $"the metric filters in {region.Name}")];
        }

        var filters = all.Where(filter => filter.LogGroupName == logGroupName).ToList();
        if (filters.Count == 0)
        {
            return [walk.Fail(ReasonCode.NoMetricFilter, $"no metric filter on log group {logGroupName}, where the trail delivers")];
        }

        // A filter that does another control's job (the root-usage filter, seen by the sign-in control) is not a
        // candidate: this control has no filter there, rather than an insufficient one.
        var candidates = filters.Where(filter => !filter.Pattern.TryGetValue(out var pattern) || !ServesAnotherControl(pattern)).ToList();
        if (candidates.Count == 0)
        {
            return [walk.Fail(ReasonCode.NoMetricFilter, $"none of the {filters.Count} metric filter{(filters.Count == 1 ? "" : "s")} on log group {logGroupName} alerts on the events of {control.Id}")];
        }

        return [.. candidates.SelectMany(filter => Filter(walk, region, filter))];
    }

    private bool ServesAnotherControl(string pattern)
    {
        var own = judge.Judge(control, pattern);
        return own.Kind != VerdictKind.Unparseable && !VerdictPolicy.Passes(own, options.Strict)
            && ControlCatalog.Default.All.Any(other => other.Id != control.Id && VerdictPolicy.Passes(judge.Judge(other, pattern), options.Strict));
    }

    private IEnumerable<ChainResult> Filter(ChainWalk walk, Region region, MetricFilter filter)
    {
        var name = $"metric filter {filter.Name}";
        if (!filter.Pattern.TryGetValue(out var pattern))
        {
            return [walk.Blocked(filter.Pattern.Unknown, $"the pattern of {name}")];
        }

        var verdict = judge.Judge(control, pattern);
        var literal = control.LiteralRegex.Accepts(pattern);
        walk = walk.At($"metric-filter:{filter.LogGroupName}/{filter.Name}") with { Verdict = verdict, PatternText = pattern, LiteralAccepts = literal };
        if (verdict.Kind == VerdictKind.Unparseable)
        {
            return [walk.Error(ReasonCode.PatternUnparseable, $"{name} has a pattern CloudWatch Logs would reject: {verdict.Error}")];
        }

        var accepted = options.Mode == EvaluationMode.Literal ? literal : VerdictPolicy.Passes(verdict, options.Strict);
        if (!accepted)
        {
            var reason = verdict.Kind == VerdictKind.NeverFires && options.Mode == EvaluationMode.Semantic ? ReasonCode.PatternNeverFires : ReasonCode.PatternInsufficient;
            var why = options.Mode == EvaluationMode.Literal ? "its text does not match the checkers' regex" : verdict.Explanation;
            return [walk.Fail(reason, $"{name} does not catch the control's events: {why}")];
        }

        walk = walk.Held();
        if (!filter.Transformations.TryGetValue(out var metrics))
        {
            return [walk.Blocked(filter.Transformations.Unknown, $"the metric of {name}")];
        }

        return metrics.SelectMany(metric => Alarms(walk, region, name, metric));
    }

    private IEnumerable<ChainResult> Alarms(ChainWalk walk, Region region, string filterName, MetricTransformation metric)
    {
        var metricName = $"{metric.MetricNamespace}/{metric.MetricName}";
        if (!region.Alarms.TryGetValue(out var alarms))
        {
            return [walk.Blocked(region.Alarms.Unknown, $"the alarms in {region.Name}")];
        }

        var fits = alarms.Select(alarm => (Alarm: alarm, Fit: AlarmFit.Of(alarm, metric))).ToList();
        var watching = fits.Where(f => f.Fit == AlarmFit.Watch.Watches).Select(f => f.Alarm).ToList();
        if (watching.Count > 0)
        {
            return watching.SelectMany(alarm => Alarm(walk.Held(), region, alarm, metric));
        }

        if (fits.FirstOrDefault(f => f.Fit is AlarmFit.Watch.SameNameOtherNamespace or AlarmFit.Watch.OtherDimensions) is { Alarm: { } near } nearMiss)
        {
            var what = nearMiss.Fit == AlarmFit.Watch.SameNameOtherNamespace ? "namespace" : "dimensions";
            return [walk.Fail(ReasonCode.AlarmMetricMismatch, $"alarm {near.Name} watches {DescribeMetric(near)} but {filterName} publishes {metricName} ({what} mismatch), so it never sees a data point")];
        }

        if (fits.FirstOrDefault(f => f.Fit == AlarmFit.Watch.Unknown) is { Alarm: { } unseen })
        {
            return [walk.Blocked(unseen.MetricName.Unknown ?? unseen.Namespace.Unknown ?? unseen.Metrics.Unknown ?? unseen.Dimensions.Unknown ?? new Unknown(UnknownReason.Unavailable), $"the metric of alarm {unseen.Name}")];
        }

        return [walk.Fail(ReasonCode.NoAlarm, $"no alarm in {region.Name} watches {metricName}, the metric {filterName} publishes")];
    }

    private static string DescribeMetric(Alarm alarm) =>
        alarm.Namespace.TryGetValue(out var ns) && alarm.MetricName.TryGetValue(out var name) && name is not null
            ? $"{ns}/{name}"
            : "another metric";

    private IEnumerable<ChainResult> Alarm(ChainWalk walk, Region region, Alarm alarm, MetricTransformation metric)
    {
        var name = $"alarm {alarm.Name}";
        walk = walk.At(alarm.Arn);
        if (alarm.ActionsEnabled.IsNot(enabled => enabled))
        {
            return [walk.Fail(ReasonCode.AlarmActionsDisabled, $"{name} has its actions disabled: it changes state but notifies nobody")];
        }

        walk = Check(walk, alarm.ActionsEnabled, $"whether {name} has actions enabled");
        var (canFire, why) = AlarmFit.FiresOnOneEvent(alarm, metric);
        if (canFire == false)
        {
            return [walk.Fail(ReasonCode.AlarmCannotFire, $"{name} cannot fire on a single event: {why}")];
        }

        walk = (canFire is null ? walk.Unseen(new Unknown(UnknownReason.Unresolved, why), $"whether {name} fires on one event") : walk).Held();
        if (!alarm.AlarmActions.TryGetValue(out var actions))
        {
            return [walk.Blocked(alarm.AlarmActions.Unknown, $"the actions of {name}")];
        }

        var topics = actions.Where(action => action.Split(':') is [_, _, "sns", ..]).ToList();
        if (topics.Count == 0)
        {
            return [walk.Fail(ReasonCode.AlarmNoAction, $"{name} notifies nobody: it has no SNS alarm action")];
        }

        return topics.SelectMany(topicArn => Topic(walk.Held(), alarm, topicArn));
    }

    private IEnumerable<ChainResult> Topic(ChainWalk walk, Alarm alarm, string topicArn)
    {
        var parts = topicArn.Split(':');
        var topicName = parts.Length > 5 ? parts[5] : topicArn;
        var region = parts.Length > 5 ? inventory.FindAccount(parts[4])?.FindRegion(parts[3]) : null;
        if (region is null)
        {
            return [walk.Blocked(new Unknown(UnknownReason.NotCollected, $"{topicArn} is in an account or region that was not scanned"), $"topic {topicName}")];
        }

        if (!region.Topics.TryGetValue(out var topics))
        {
            return [walk.Blocked(region.Topics.Unknown, $"the SNS topics in {region.Name}")];
        }

        if (topics.FirstOrDefault(t => t.Arn == topicArn) is not { } topic)
        {
            return [walk.Fail(ReasonCode.TopicMissing, $"alarm {alarm.Name} notifies topic {topicName}, which does not exist")];
        }

        walk = walk.At(topic.Arn);
        if (!topic.Policy.TryGetValue(out var policy))
        {
            walk = walk.Unseen(topic.Policy.Unknown, $"the access policy of topic {topicName}");
        }
        else
        {
            var answer = policy is null ? PolicyAnswer.Denies : TopicPolicy.LetsCloudWatchPublish(policy, parts[4]);
            if (answer == PolicyAnswer.Denies)
            {
                return [walk.Fail(ReasonCode.TopicPolicyDeniesCloudWatch, $"the access policy of topic {topicName} does not let CloudWatch publish, so the alarm's notification is dropped")];
            }

            if (answer == PolicyAnswer.Undecided)
            {
                walk = walk.Unseen(new Unknown(UnknownReason.Unresolved, "the policy has conditions that cannot be evaluated here"), $"whether topic {topicName} lets CloudWatch publish");
            }
        }

        if (!topic.KmsMasterKeyId.TryGetValue(out var key))
        {
            walk = walk.Unseen(topic.KmsMasterKeyId.Unknown, $"the encryption key of topic {topicName}");
        }
        else if (key is not null)
        {
            // The AWS managed key's policy cannot grant CloudWatch kms:Decrypt/GenerateDataKey, so alarms cannot
            // publish to a topic encrypted with it. A customer managed key may allow it: its key policy says.
            if (TopicKeys.IsAwsManagedSnsKey(key))
            {
                return [walk.Fail(ReasonCode.TopicKeyDeniesCloudWatch, $"topic {topicName} is encrypted with the AWS managed key aws/sns, which CloudWatch cannot use, so the alarm's notification is dropped")];
            }

            var what = $"whether CloudWatch may use the encryption key of topic {topicName}";
            if (!topic.KeyPolicy.TryGetValue(out var keyPolicy) || keyPolicy is null)
            {
                walk = walk.Unseen(topic.KeyPolicy.Unknown ?? new Unknown(UnknownReason.NotCollected, $"the key policy of {key} was not read"), what);
            }
            else
            {
                var verdict = TopicKeyPolicy.LetsCloudWatchUseKey(keyPolicy, alarm.Arn);
                if (verdict.Answer == PolicyAnswer.Denies)
                {
                    var missing = string.Join(" and ", verdict.Missing);
                    return [walk.Fail(ReasonCode.TopicKeyDeniesCloudWatch, verdict.Denied
                        ? $"the key policy of {key}, which encrypts topic {topicName}, denies cloudwatch.amazonaws.com {missing}, so the alarm's notification is dropped"
                        : $"the key policy of {key}, which encrypts topic {topicName}, does not allow cloudwatch.amazonaws.com {missing}, so the alarm's notification is dropped")];
                }

                if (verdict.Answer == PolicyAnswer.Undecided)
                {
                    walk = walk.Unseen(new Unknown(UnknownReason.Unresolved, "the key policy has conditions or elements that cannot be evaluated here"), what);
                }
            }
        }

        walk = walk.Held();
        if (!topic.Subscriptions.TryGetValue(out var subscriptions))
        {
            return [walk.Blocked(topic.Subscriptions.Unknown, $"the subscriptions of topic {topicName}")];
        }

        var confirmed = subscriptions.Where(s => s.IsConfirmed).ToList();
        if (confirmed.Count == 0)
        {
            var pending = subscriptions.Count;
            return [walk.Fail(ReasonCode.NoConfirmedSubscription, pending == 0
                ? $"topic {topicName} has no subscription: nobody receives the alarm"
                : $"topic {topicName} has no confirmed subscription ({pending} pending confirmation): nobody receives the alarm yet")];
        }

        return [walk.Held(confirmed[0].SubscriptionArn).Finish(
            $"alerts: alarm {alarm.Name} notifies topic {topicName}, which has {confirmed.Count} confirmed subscription{(confirmed.Count == 1 ? "" : "s")}")];
    }
}
