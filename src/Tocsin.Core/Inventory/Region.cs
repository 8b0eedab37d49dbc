namespace Tocsin.Core.Inventory;

/// <summary>
/// What one account holds in one region. Each collection may be unknown on its own, e.g. "could not list
/// alarms in eu-west-1: access denied" while the trails were read.
/// </summary>
/// <param name="Name">The region code, e.g. <c>eu-west-1</c>.</param>
/// <param name="Trails">Trails DescribeTrails returns here, shadow copies of multi-region and organization trails included.</param>
public sealed record Region(
    string Name,
    Observed<IReadOnlyList<Trail>> Trails,
    Observed<IReadOnlyList<LogGroup>> LogGroups,
    Observed<IReadOnlyList<MetricFilter>> MetricFilters,
    Observed<IReadOnlyList<Alarm>> Alarms,
    Observed<IReadOnlyList<Topic>> Topics);
