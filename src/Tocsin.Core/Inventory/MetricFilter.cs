namespace Tocsin.Core.Inventory;

/// <summary>A metric filter on a log group (DescribeMetricFilters).</summary>
/// <param name="LogGroupName">The log group the filter reads, in the same account and region.</param>
/// <param name="Name">The filter name.</param>
/// <param name="Pattern">The raw filter pattern text, exactly as stored.</param>
/// <param name="Transformations">The metrics the filter emits.</param>
public sealed record MetricFilter(
    string LogGroupName,
    string Name,
    Observed<string> Pattern,
    Observed<IReadOnlyList<MetricTransformation>> Transformations,
    Source? Source = null);

/// <summary>A metric a filter emits for each matching event.</summary>
/// <param name="MetricValue">The value published, e.g. <c>1</c> or <c>$.bytes</c>.</param>
/// <param name="DefaultValue">Published when nothing matches in a period; null when not set.</param>
/// <param name="Dimensions">Dimension name to field selector, e.g. <c>UserName</c> = <c>$.userIdentity.userName</c>.</param>
public sealed record MetricTransformation(
    string MetricName,
    string MetricNamespace,
    string MetricValue,
    double? DefaultValue,
    IReadOnlyList<Dimension> Dimensions,
    string? Unit = null);

/// <summary>A metric dimension: for alarms a name and value, for filters a name and the field it is read from.</summary>
public sealed record Dimension(string Name, string Value);
