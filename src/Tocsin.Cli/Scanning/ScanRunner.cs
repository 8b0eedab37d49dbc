using Tocsin.Aws.Collection;
using Tocsin.Aws.Credentials;
using Tocsin.Aws.Http;
using Tocsin.Cli.Configuration;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Inventory.Snapshots;

namespace Tocsin.Cli.Scanning;

/// <summary>
/// Collects every target of a plan into one inventory. A target that cannot start (credentials that do not work,
/// an organization that cannot be listed) is reported and the other targets are still read.
/// </summary>
internal sealed class ScanRunner(CollectorOptions collectorOptions, CliConsole console)
{
    public sealed record Outcome(CloudInventory Inventory, CollectionSummary Collection, IReadOnlyList<string> FailedTargets);

    public async Task<Outcome> RunAsync(ScanPlan plan, CancellationToken cancellationToken)
    {
        var collector = new Collector(collectorOptions);
        var inventories = new List<CloudInventory>();
        var summaries = new List<CollectSummary>();
        var failed = new List<string>();
        foreach (var target in plan.Targets)
        {
            try
            {
                var result = await ScanProgressDisplay.RunAsync(console, target.Name,
                    progress => collector.CollectAsync(Request(plan, target), progress, cancellationToken));
                inventories.Add(result.Inventory);
                summaries.Add(result.Summary);
            }
            catch (Exception problem) when (problem is CollectionException or AwsConfigurationException)
            {
                console.Error.WriteLine($"target {target.Name}: {problem.Message}");
                failed.Add(target.Name);
            }
        }

        var inventory = Merge(inventories);
        if (plan.SnapshotOut is { } path)
        {
            SaveSnapshot(inventory, path);
        }

        return new Outcome(inventory, Summarise(summaries), failed);
    }

    private static CollectRequest Request(ScanPlan plan, ScanTarget target) => new()
    {
        Credentials = new CredentialOptions(target.Profile, target.Regions?.FirstOrDefault()),
        Organization = target.Organization ? new OrganizationScope(target.RoleName!, target.ExternalId) : null,
        Accounts = !target.Organization && target.Accounts is { } named
            ? [.. named.Select(id => new AccountTarget(id, target.RoleName, target.ExternalId))]
            : [],
        OnlyAccounts = target.Organization ? target.Accounts : null,
        Regions = target.Regions,
        Controls = plan.Controls,
        EndpointUrl = plan.EndpointUrl,
        Concurrency = plan.Concurrency,
        SessionName = target.SessionName ?? "tocsin-scan",
    };

    /// <summary>One inventory of every target's accounts; an account read by two targets is kept once.</summary>
    private static CloudInventory Merge(IReadOnlyList<CloudInventory> inventories) => new(
        inventories.Select(i => i.Organization).FirstOrDefault(o => o is not null),
        [.. inventories.SelectMany(i => i.Accounts).DistinctBy(a => a.Id).OrderBy(a => a.Id, StringComparer.Ordinal)],
        inventories.Select(i => i.CollectedAt).Max());

    private static CollectionSummary Summarise(IReadOnlyList<CollectSummary> summaries) => new(
        summaries.Sum(s => s.Calls),
        summaries.Sum(s => s.Throttles),
        summaries.Sum(s => s.Retries),
        summaries.Sum(s => s.Failures),
        TimeSpan.FromTicks(summaries.Sum(s => s.Duration.Ticks)),
        [.. summaries.SelectMany(s => s.Accounts)
            .GroupBy(a => a.AccountId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AccountCallCount(g.Key, g.Sum(a => a.Calls), g.Sum(a => a.Throttles), g.Sum(a => a.Retries), g.Sum(a => a.Failures),
                g.SelectMany(a => a.ByAction).GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Sum(x => x.Value), StringComparer.Ordinal)))]);

    private static void SaveSnapshot(CloudInventory inventory, string path)
    {
        try
        {
            using var file = File.Create(path);
            Snapshot.Save(inventory, file);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot write the snapshot: {error.Message}");
        }
    }
}
