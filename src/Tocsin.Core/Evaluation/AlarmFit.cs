using System.Globalization;
using Tocsin.Core.Inventory;

namespace Tocsin.Core.Evaluation;

/// <summary>How an alarm relates to the metric a filter publishes, and whether one matching event makes it fire.</summary>
internal static class AlarmFit
{
    public enum Watch
    {
        Watches,
        SameNameOtherNamespace,
        OtherDimensions,
        Unrelated,
        Unknown,
    }

    public static Watch Of(Alarm alarm, MetricTransformation metric)
    {
        if (alarm.Metrics.TryGetValue(out var queries) && queries.Count > 0)
        {
            var stats = queries.Select(q => q.MetricStat).OfType<MetricStat>().ToList();
            if (stats.Any(s => s.MetricName == metric.MetricName && s.Namespace == metric.MetricNamespace))
            {
                return stats.Any(s => s.MetricName == metric.MetricName && s.Namespace == metric.MetricNamespace && SameDimensions(s.Dimensions, metric))
                    ? Watch.Watches
                    : Watch.OtherDimensions;
            }

            return stats.Any(s => s.MetricName == metric.MetricName) ? Watch.SameNameOtherNamespace : Watch.Unrelated;
        }

        if (!alarm.MetricName.TryGetValue(out var name) || !alarm.Namespace.TryGetValue(out var ns) || !alarm.Metrics.IsKnown)
        {
            return Watch.Unknown;
        }

        if (name != metric.MetricName)
        {
            return Watch.Unrelated;
        }

        if (ns != metric.MetricNamespace)
        {
            return Watch.SameNameOtherNamespace;
        }

        return !alarm.Dimensions.TryGetValue(out var dimensions) ? Watch.Unknown
            : SameDimensions(dimensions, metric) ? Watch.Watches
            : Watch.OtherDimensions;
    }

    // A metric with dimensions is a different metric from one without: the alarm must name exactly the
    // dimensions the filter emits.
    private static bool SameDimensions(IReadOnlyList<Dimension> alarmDimensions, MetricTransformation metric) =>
        alarmDimensions.Select(d => d.Name).ToHashSet().SetEquals(metric.Dimensions.Select(d => d.Name));

    /// <summary>Whether one matching event crosses the alarm's threshold; null with a reason when that cannot be told.</summary>
    public static (bool? CanFire, string Why) FiresOnOneEvent(Alarm alarm, MetricTransformation metric)
    {
        if (!double.TryParse(metric.MetricValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return (null, $"the filter publishes the value `{metric.MetricValue}` taken from each event");
        }

        if (!alarm.Threshold.TryGetValue(out var threshold) || !alarm.ComparisonOperator.TryGetValue(out var comparison)
            || !alarm.EvaluationPeriods.TryGetValue(out var periods) || !alarm.DatapointsToAlarm.TryGetValue(out var datapoints))
        {
            return (null, "the alarm's threshold settings");
        }

        var needed = datapoints ?? periods;
        if (needed > 1)
        {
            return (false, $"it needs {needed} breaching datapoints and one event makes one");
        }

        var statistic = StatisticOf(alarm, metric);
        var published = statistic is "SampleCount" ? 1 : value;
        if (threshold is not { } limit)
        {
            return (null, "the alarm has no static threshold (anomaly detection)");
        }

        var crosses = comparison switch
        {
            AlarmComparisonOperator.GreaterThanOrEqualToThreshold => published >= limit,
            AlarmComparisonOperator.GreaterThanThreshold => published > limit,
            _ => false,
        };
        return crosses
            ? (true, "")
            : (false, $"one event publishes {Format(published)} ({statistic ?? "statistic"}) and the alarm fires when it is {Describe(comparison)} {Format(limit)}");
    }

    private static string? StatisticOf(Alarm alarm, MetricTransformation metric)
    {
        if (alarm.Metrics.TryGetValue(out var queries) && queries.Count > 0)
        {
            return queries.Select(q => q.MetricStat).OfType<MetricStat>()
                .FirstOrDefault(s => s.MetricName == metric.MetricName && s.Namespace == metric.MetricNamespace)?.Stat;
        }

        return alarm.Statistic.TryGetValue(out var statistic) && statistic is { } known ? known.ToString()
            : alarm.ExtendedStatistic.TryGetValue(out var extended) ? extended : null;
    }

    private static string Describe(AlarmComparisonOperator comparison) => comparison switch
    {
        AlarmComparisonOperator.GreaterThanOrEqualToThreshold => "at least",
        AlarmComparisonOperator.GreaterThanThreshold => "above",
        AlarmComparisonOperator.LessThanThreshold => "below",
        AlarmComparisonOperator.LessThanOrEqualToThreshold => "at most",
        _ => "outside the band of",
    };

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
