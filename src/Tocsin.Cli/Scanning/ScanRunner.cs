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
/// <param name="startingCredentials">Credentials to start from instead of the usual chain (the demo's emulated keys).</param>
internal sealed class ScanRunner(CollectorOptions collectorOptions, CliConsole console, Amazon.Runtime.AWSCredentials? startingCredentials = null)
{
    public sealed record Outcome(CloudInventory Inventory, CollectionSummary Collection, IReadOnlyList<string> FailedTargets);

    public async Task<Outcome> RunAsync(ScanPlan plan, CancellationToken cancellationToken)
    {
        var collector = new Collector(collectorOptions);
        var results = new List<CollectResult>();
        var failed = new List<string>();
        foreach (var target in plan.Targets)
        {
            try
            {
                results.Add(await ScanProgressDisplay.RunAsync(console, target.Name,
                    progress => collector.CollectAsync(RequestFor(plan, target), progress, cancellationToken)));
            }
            catch (Exception problem) when (problem is CollectionException or AwsConfigurationException)
            {
                console.Error.WriteLine($"target {target.Name}: {problem.Message}");
                failed.Add(target.Name);
            }
        }

        if (results.Count == 0)
        {
            return new Outcome(new CloudInventory(null, []), new CollectionSummary(0, 0, 0, 0, TimeSpan.Zero, []), failed);
        }

        var merged = CollectResult.Merge(results);
        if (plan.SnapshotOut is { } path)
        {
            SaveSnapshot(merged.Inventory, path);
        }

        return new Outcome(merged.Inventory, Summarise(merged.Summary), failed);
    }

    /// <summary>What the collector is given to start from, for sessions that must start the same way as the scan (apply).</summary>
    public CollectorOptions CollectorOptions => collectorOptions;

    /// <summary>The collect request for one target, starting from this runner's credentials.</summary>
    public CollectRequest RequestFor(ScanPlan plan, ScanTarget target) => Request(plan, target) with { StartingCredentials = startingCredentials };

    public static CollectRequest Request(ScanPlan plan, ScanTarget target) => new()
    {
        Credentials = new CredentialOptions(target.Profile, target.Regions?.FirstOrDefault()),
        Organization = target.Organization ? new OrganizationScope(target.RoleName!, target.ExternalId) : null,
        Accounts = !target.Organization && target.Accounts is { } named
            ? [.. named.Select(id => new AccountTarget(id, target.RoleName, target.ExternalId))]
            : [],
        OnlyAccounts = target.Organization ? target.Accounts : null,
        Shard = plan.Shard,
        Regions = target.Regions,
        Controls = plan.Controls,
        Judging = plan.Judging,
        Evidence = plan.Evidence,
        EventBridge = plan.Judging.AcceptEventBridge || plan.ReadEventRules,
        EndpointUrl = plan.EndpointUrl,
        Concurrency = plan.Concurrency,
        SessionName = target.SessionName ?? "tocsin-scan",
    };

    private static CollectionSummary Summarise(CollectSummary summary) => new(
        summary.Calls, summary.Throttles, summary.Retries, summary.Failures, summary.Duration,
        [.. summary.Accounts.Select(a => new AccountCallCount(a.AccountId, a.Calls, a.Throttles, a.Retries, a.Failures, a.ByAction))])
    {
        Caller = summary.Caller,
    };

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
