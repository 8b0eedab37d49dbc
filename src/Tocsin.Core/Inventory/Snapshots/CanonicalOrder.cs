namespace Tocsin.Core.Inventory.Snapshots;

/// <summary>
/// Sorts every collection of an inventory by its identity (account id, region name, ARN, name) so the same
/// inventory always writes the same bytes, whatever order the source listed things in.
/// </summary>
internal static class CanonicalOrder
{
    public static CloudInventory Apply(CloudInventory inventory) => inventory with
    {
        Accounts = [.. inventory.Accounts.OrderBy(a => a.Id, StringComparer.Ordinal).Select(Apply)],
        LinkedAccounts = [.. inventory.LinkedAccounts.OrderBy(a => a.Id, StringComparer.Ordinal).Select(Apply)],
    };

    private static Account Apply(Account account) => account with
    {
        Regions = Sorted(account.Regions, r => r.Name, Apply),
        Roles = Sorted(account.Roles, r => r.Arn, Apply),
    };

    private static IamRole Apply(IamRole role) => role with
    {
        InlinePolicies = Sorted(role.InlinePolicies, p => p.Name),
        AttachedPolicies = Sorted(role.AttachedPolicies, p => p.Arn ?? p.Name),
    };

    private static EventRule Apply(EventRule rule) => rule with
    {
        Targets = Sorted(rule.Targets, t => t.Id),
    };

    private static Region Apply(Region region) => region with
    {
        Trails = Sorted(region.Trails, t => t.Arn),
        LogGroups = Sorted(region.LogGroups, g => g.Name),
        MetricFilters = Sorted(region.MetricFilters, f => f.LogGroupName + "\n" + f.Name),
        Alarms = Sorted(region.Alarms, a => a.Name),
        Topics = Sorted(region.Topics, t => t.Arn, Apply),
        EventRules = Sorted(region.EventRules, r => r.Arn, Apply),
    };

    private static Topic Apply(Topic topic) => topic with
    {
        Subscriptions = Sorted(topic.Subscriptions, s => s.SubscriptionArn + "\n" + (s.Endpoint.IsKnown ? s.Endpoint.Value : string.Empty)),
    };

    private static Observed<IReadOnlyList<T>> Sorted<T>(Observed<IReadOnlyList<T>> items, Func<T, string> key, Func<T, T>? inner = null)
    {
        if (!items.TryGetValue(out var list))
        {
            return items;
        }

        IReadOnlyList<T> sorted = [.. list.OrderBy(key, StringComparer.Ordinal).Select(inner ?? (item => item))];
        return Observed<IReadOnlyList<T>>.Known(sorted, items.Source);
    }
}
