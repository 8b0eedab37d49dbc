using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Collection;

/// <summary>What was read in one region behind the trails' log groups: the log groups found, their filters, the alarms.</summary>
internal sealed record RegionChain(
    IReadOnlyList<LogGroup> LogGroups,
    Observed<IReadOnlyList<MetricFilter>> MetricFilters,
    Observed<IReadOnlyList<Alarm>> Alarms);
