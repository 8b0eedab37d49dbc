using System.Text.Json.Serialization;

namespace Tocsin.Core.Inventory;

/// <summary>
/// A CloudWatch metric alarm (DescribeAlarms). A single-metric alarm sets <see cref="MetricName"/>,
/// <see cref="Namespace"/> and <see cref="Statistic"/>; a metric-math alarm sets <see cref="Metrics"/> instead.
/// The region is the region that holds the alarm.
/// </summary>
/// <param name="Statistic">The statistic; null when the alarm uses an extended statistic or metric math.</param>
/// <param name="ExtendedStatistic">A percentile statistic such as <c>p99</c>, null when not used.</param>
/// <param name="Period">Seconds per datapoint; null for metric-math alarms (the period is in each query).</param>
/// <param name="DatapointsToAlarm">M of "M out of N"; null means equal to the evaluation periods.</param>
/// <param name="TreatMissingData">breaching, notBreaching, ignore or missing; null when not set (AWS default: missing).</param>
public sealed record Alarm(
    string Name,
    string Arn,
    Observed<string?> MetricName,
    Observed<string?> Namespace,
    Observed<IReadOnlyList<Dimension>> Dimensions,
    Observed<Statistic?> Statistic,
    Observed<string?> ExtendedStatistic,
    Observed<IReadOnlyList<MetricDataQuery>> Metrics,
    Observed<int?> Period,
    Observed<int> EvaluationPeriods,
    Observed<int?> DatapointsToAlarm,
    Observed<double?> Threshold,
    Observed<AlarmComparisonOperator> ComparisonOperator,
    Observed<string?> TreatMissingData,
    Observed<bool> ActionsEnabled,
    Observed<IReadOnlyList<string>> AlarmActions,
    Observed<IReadOnlyList<string>> OkActions,
    Observed<IReadOnlyList<string>> InsufficientDataActions,
    Source? Source = null)
{
    /// <summary>True when the alarm is known to be a metric-math alarm.</summary>
    [JsonIgnore]
    public bool IsMetricMath => Metrics.Is(m => m.Count > 0);
}
