using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Collection;

/// <summary>What a collection returns: the inventory to evaluate, and the run summary of the calls it made.</summary>
public sealed record CollectResult(CloudInventory Inventory, CollectSummary Summary)
{
    /// <summary>
    /// One result from the collections of several targets (tocsin.yaml lists accounts and organizations, each with
    /// its own credentials). An account read by two targets keeps the reading that saw it; the first organization
    /// is kept; counts add up, per account too; the duration is the longest.
    /// </summary>
    public static CollectResult Merge(IReadOnlyList<CollectResult> results)
    {
        if (results.Count == 1)
        {
            return results[0];
        }

        var accounts = results.SelectMany(r => r.Inventory.Accounts)
            .GroupBy(a => a.Id, StringComparer.Ordinal)
            .Select(copies => copies.FirstOrDefault(a => a.Regions.IsKnown) ?? copies.First())
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .ToList();
        var covered = accounts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var inventory = new CloudInventory(
            results.Select(r => r.Inventory.Organization).FirstOrDefault(o => o is not null),
            accounts,
            results.Select(r => r.Inventory.CollectedAt).Max())
        {
            // An account one target only passed through, another may cover: then it is covered.
            LinkedAccounts = [.. results.SelectMany(r => r.Inventory.LinkedAccounts)
                .Where(a => !covered.Contains(a.Id))
                .GroupBy(a => a.Id, StringComparer.Ordinal)
                .Select(copies => copies.FirstOrDefault(a => a.Regions.IsKnown) ?? copies.First())
                .OrderBy(a => a.Id, StringComparer.Ordinal)],
        };

        var calls = results.SelectMany(r => r.Summary.Accounts)
            .GroupBy(a => a.AccountId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AccountCalls(
                g.Key,
                g.Sum(a => a.Calls),
                g.Sum(a => a.Attempts),
                g.Sum(a => a.Throttles),
                g.Sum(a => a.Retries),
                g.Sum(a => a.Failures),
                new SortedDictionary<string, int>(
                    g.SelectMany(a => a.ByAction).GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Sum(x => x.Value), StringComparer.Ordinal),
                    StringComparer.Ordinal)))
            .ToList();
        var summaries = results.Select(r => r.Summary).ToList();
        var summary = new CollectSummary(
            string.Join(", ", summaries.Select(s => s.Caller).Distinct(StringComparer.Ordinal)),
            calls.Sum(a => a.Calls),
            calls.Sum(a => a.Attempts),
            calls.Sum(a => a.Throttles),
            calls.Sum(a => a.Retries),
            calls.Sum(a => a.Failures),
            summaries.Max(s => s.Duration),
            summaries.Max(s => s.Concurrency),
            summaries.Min(s => s.RetryBudgetLeft),
            calls);
        return new CollectResult(inventory, summary);
    }
}
