using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;

namespace Tocsin.Remediation.Planning;

/// <summary>
/// The resources a finding's evidence names, found again in the inventory: the chain's trail, log group, metric
/// filter, alarm and topic, as far as the chain got. Accounts and regions come from the ARNs, so an organization
/// trail's links are found in the account that owns them.
/// </summary>
internal sealed record ChainLinks(Trail? Trail, (string AccountId, string Region, string Name)? LogGroup, MetricFilter? Filter, Alarm? Alarm, string? TopicArn)
{
    public static ChainLinks Of(CloudInventory inventory, Finding finding)
    {
        var chain = finding.Evidence.Chain;
        var trail = chain.Count > 0 ? FindTrail(inventory, chain[0]) : null;
        var logGroup = chain.Count > 1 ? LogGroupArns.Parse(chain[1]) : null;
        var region = logGroup is { } group ? inventory.FindAccount(group.AccountId)?.FindRegion(group.Region) : null;
        MetricFilter? filter = null;
        if (chain.Count > 2 && region is not null && chain[2].StartsWith("metric-filter:", StringComparison.Ordinal))
        {
            var path = chain[2]["metric-filter:".Length..];
            filter = region.MetricFilters.TryGetValue(out var filters)
                ? filters.FirstOrDefault(f => $"{f.LogGroupName}/{f.Name}" == path)
                : null;
        }

        var alarm = chain.Count > 3 && region is not null && region.Alarms.TryGetValue(out var alarms)
            ? alarms.FirstOrDefault(a => a.Arn == chain[3])
            : null;
        var topicArn = chain.Count > 4 ? chain[4] : null;
        return new ChainLinks(trail, logGroup, filter, alarm, topicArn);
    }

    /// <summary>The trail with this ARN, preferring the copy its home region lists (it carries the status and selectors).</summary>
    public static Trail? FindTrail(CloudInventory inventory, string arn)
    {
        var copies = inventory.Accounts
            .Where(a => a.Regions.IsKnown)
            .SelectMany(a => a.Regions.Value.Where(r => r.Trails.IsKnown).SelectMany(r => r.Trails.Value.Select(t => (Region: r.Name, Trail: t))))
            .Where(entry => entry.Trail.Arn == arn)
            .ToList();
        return copies.FirstOrDefault(c => c.Trail.HomeRegion.Is(home => home == c.Region)).Trail ?? copies.FirstOrDefault().Trail;
    }
}
