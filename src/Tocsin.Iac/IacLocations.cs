using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;

namespace Tocsin.Iac;

/// <summary>Where each link of a finding's chain is defined in the code: the file and lines of the record its evidence names.</summary>
public static class IacLocations
{
    public static RunResult Attach(RunResult result, CloudInventory inventory)
    {
        var sources = SourcesByEvidence(inventory);
        return result with
        {
            Findings = [.. result.Findings.Select(finding => finding with
            {
                Locations = [.. finding.Evidence.Chain
                    .Select(link => (Link: link, Source: sources.GetValueOrDefault(LogGroupArns.Normalize(link))))
                    .Where(entry => entry.Source?.File is not null)
                    .Select(entry => new Location(entry.Link, entry.Source!.File!, entry.Source.Line, entry.Source.EndLine))],
            })],
        };
    }

    /// <summary>Each record by the name the evaluator's evidence gives it (ARNs; <c>metric-filter:GROUP/NAME</c> for filters).</summary>
    private static Dictionary<string, Source?> SourcesByEvidence(CloudInventory inventory)
    {
        var sources = new Dictionary<string, Source?>(StringComparer.Ordinal);
        var regions = inventory.Accounts.Where(a => a.Regions.IsKnown).SelectMany(a => a.Regions.Value);
        foreach (var region in regions)
        {
            foreach (var trail in region.Trails.IsKnown ? region.Trails.Value : [])
            {
                sources.TryAdd(trail.Arn, trail.Source);
            }

            foreach (var group in region.LogGroups.IsKnown ? region.LogGroups.Value : [])
            {
                sources.TryAdd(LogGroupArns.Normalize(group.Arn), group.Source);
            }

            foreach (var filter in region.MetricFilters.IsKnown ? region.MetricFilters.Value : [])
            {
                sources.TryAdd($"metric-filter:{filter.LogGroupName}/{filter.Name}", filter.Source);
            }

            foreach (var alarm in region.Alarms.IsKnown ? region.Alarms.Value : [])
            {
                sources.TryAdd(alarm.Arn, alarm.Source);
            }

            foreach (var topic in region.Topics.IsKnown ? region.Topics.Value : [])
            {
                sources.TryAdd(topic.Arn, topic.Source);
                foreach (var subscription in topic.Subscriptions.IsKnown ? topic.Subscriptions.Value : [])
                {
                    sources.TryAdd(subscription.SubscriptionArn, subscription.Source);
                }
            }
        }

        return sources;
    }
}
