using Tocsin.Core.Inventory;

namespace Tocsin.Iac;

/// <summary>A repository is one account in one region: whatever file each link is defined in, the evaluator sees one inventory.</summary>
public static class IacInventory
{
    public static CloudInventory Of(IacSettings settings, IacRead read) => new(
        null,
        [
            new Account(settings.AccountId, "infrastructure as code", Observed.Known<IReadOnlyList<Region>>(
            [
                new Region(
                    settings.Region,
                    Observed.Known(read.Trails),
                    Observed.Known(read.LogGroups),
                    Observed.Known(read.MetricFilters),
                    Observed.Known(read.Alarms),
                    Observed.Known(read.Topics))
                {
                    EventRules = Observed.Known(read.EventRules),
                },
            ])),
        ]);
}
