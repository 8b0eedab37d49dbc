using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Planning;

/// <summary>The alarm link: a new alarm on the filter's metric, or an existing one sent back whole with what is broken changed.</summary>
internal sealed partial class LinkMender
{
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
}
