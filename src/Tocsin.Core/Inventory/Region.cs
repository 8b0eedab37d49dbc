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
    Observed<IReadOnlyList<Topic>> Topics)
{
    /// <summary>
    /// The EventBridge rules on the region's default event bus, each with its targets. Read only when a scan asks for
    /// EventBridge; otherwise, and in a snapshot written before the field existed, <see cref="EventRulesWhenAbsent"/>.
    /// </summary>
    // A snapshot's reader hands null for a field the file leaves out: that is the field's absence.
    public Observed<IReadOnlyList<EventRule>> EventRules { get; init => field = value ?? EventRulesWhenAbsent; } = EventRulesWhenAbsent;

    /// <summary>
    /// What the rules are when nobody read them: not collected, never an empty list (which would mean "no rule here").
    /// Snapshots leave the field out when it holds exactly this, so older snapshots read and write back unchanged.
    /// </summary>
    public static Observed<IReadOnlyList<EventRule>> EventRulesWhenAbsent { get; } =
        Observed<IReadOnlyList<EventRule>>.NotKnown(UnknownReason.NotCollected, "EventBridge rules were not read");
}
