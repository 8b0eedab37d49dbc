using Tocsin.Aws.Clients;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Apply;

/// <summary>The metric filter, the alarm and its actions.</summary>
internal static class AlarmStepApplier
{
    private const string MetricValue = "1";

    /// <summary>
    /// PutMetricFilter replaces a filter of the same name: it is written when there is none, or when the one there is
    /// the one the plan saw (and chose to replace); any other same-named filter is left alone unless --force.
    /// </summary>
    public static async Task<(StepOutcome, string)> FilterAsync(ApplyContext context, PutMetricFilter step, CancellationToken cancellationToken)
    {
        var filters = await context.Logs.DescribeMetricFiltersAsync(context.Region, step.LogGroupName, cancellationToken);
        var existing = filters.FirstOrDefault(f => f.Name == step.FilterName);
        if (existing is not null)
        {
            if (IsPlanned(existing, step))
            {
                return (StepOutcome.AlreadyDone, $"log group {step.LogGroupName} has filter {step.FilterName} with the planned pattern and metric");
            }

            var seen = context.Seen?.MetricFilters.TryGetValue(out var seenFilters) == true
                && seenFilters.Any(f => f.LogGroupName == existing.LogGroupName && f.Name == existing.Name && f.Pattern.Equals(existing.Pattern) && Metrics(f).SequenceEqual(Metrics(existing)));
            if (!seen && !context.Force)
            {
                throw new StepRefusedException($"log group {step.LogGroupName} already has a metric filter named {step.FilterName} that the plan did not see (pattern {existing.Pattern}); Tocsin does not replace a filter it did not plan to replace: run with --force to replace it");
            }
        }

        context.Writing();
        await context.Logs.PutMetricFilterAsync(context.Region, step.LogGroupName, step.FilterName, step.Pattern, step.MetricName, step.MetricNamespace, MetricValue, cancellationToken);
        return (StepOutcome.Applied, existing is null
            ? $"put filter {step.FilterName} on log group {step.LogGroupName}"
            : $"replaced the pattern of filter {step.FilterName} on log group {step.LogGroupName}");
    }

    /// <summary>
    /// PutMetricAlarm overwrites the whole alarm: the live alarm is re-read and sent back with only the planned settings
    /// changed. A new alarm whose name is taken by one the plan did not see is left alone unless --force.
    /// </summary>
    public static async Task<(StepOutcome, string)> AlarmAsync(ApplyContext context, PutAlarm step, CancellationToken cancellationToken)
    {
        var name = step.Settings.AlarmName;
        var live = await context.CloudWatch.DescribeAlarmsByNameAsync(context.Region, name, cancellationToken);
        if (live is null)
        {
            if (step.Exists)
            {
                throw new StepRefusedException($"alarm {name}, which the plan updates, no longer exists; plan again");
            }

            context.Writing();
            await context.CloudWatch.PutMetricAlarmAsync(context.Region, AlarmRequest.From(step.Settings), cancellationToken);
            return (StepOutcome.Applied, $"created alarm {name}");
        }

        var seenAlarm = context.Seen?.Alarms.TryGetValue(out var alarms) == true ? alarms.FirstOrDefault(a => a.Name == name) : null;
        var merged = AlarmRequest.Merge(live, step.Settings, seenAlarm);
        if (AlarmRequest.Same(live, merged))
        {
            return (StepOutcome.AlreadyDone, $"alarm {name} already has the planned settings");
        }

        if (!step.Exists && seenAlarm is null && !context.Force)
        {
            throw new StepRefusedException($"an alarm named {name} already exists with other settings and the plan did not see it; run with --force to update it (its other settings are kept)");
        }

        context.Writing();
        await context.CloudWatch.PutMetricAlarmAsync(context.Region, merged, cancellationToken);
        return (StepOutcome.Applied, $"updated alarm {name}, keeping the settings the plan does not change");
    }

    public static async Task<(StepOutcome, string)> EnableActionsAsync(ApplyContext context, EnableAlarmActions step, CancellationToken cancellationToken)
    {
        var live = await context.CloudWatch.DescribeAlarmsByNameAsync(context.Region, step.AlarmName, cancellationToken)
            ?? throw new StepRefusedException($"alarm {step.AlarmName} no longer exists; plan again");
        if (live.GetValueOrDefault("ActionsEnabled") is not "false")
        {
            return (StepOutcome.AlreadyDone, $"the actions of alarm {step.AlarmName} are enabled");
        }

        context.Writing();
        await context.CloudWatch.EnableAlarmActionsAsync(context.Region, step.AlarmName, cancellationToken);
        return (StepOutcome.Applied, $"enabled the actions of alarm {step.AlarmName}");
    }

    private static IEnumerable<(string, string, string)> Metrics(MetricFilter filter) =>
        filter.Transformations.TryGetValue(out var transformations) ? transformations.Select(t => (t.MetricName, t.MetricNamespace, t.MetricValue)) : [];

    private static bool IsPlanned(MetricFilter filter, PutMetricFilter step) =>
        filter.Pattern.Is(p => p == step.Pattern)
        && filter.Transformations.Is(t => t.Count == 1 && t[0].MetricName == step.MetricName && t[0].MetricNamespace == step.MetricNamespace && t[0].MetricValue == MetricValue);
}
