namespace Tocsin.Core.Inventory;

/// <summary>
/// One query of a metric-math alarm: either a metric (<see cref="MetricStat"/>) or an expression over
/// other queries' ids, e.g. <c>m1 + m2</c>.
/// </summary>
/// <param name="ReturnData">Whether this query is the alarm's value; AWS requires exactly one.</param>
public sealed record MetricDataQuery(
    string Id,
    string? Expression,
    MetricStat? MetricStat,
    bool ReturnData,
    string? Label = null,
    int? Period = null);

/// <summary>A metric and how it is aggregated inside a metric-math alarm.</summary>
/// <param name="Stat">The statistic name, e.g. <c>Sum</c> or <c>p99</c>.</param>
public sealed record MetricStat(
    string Namespace,
    string MetricName,
    IReadOnlyList<Dimension> Dimensions,
    int Period,
    string Stat,
    string? Unit = null);
