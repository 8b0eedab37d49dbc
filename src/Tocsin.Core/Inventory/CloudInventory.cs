namespace Tocsin.Core.Inventory;

/// <summary>
/// Everything a source saw, in one shape for live AWS, IaC and snapshots. Sources only fill it; the
/// evaluator alone decides outcomes.
/// </summary>
/// <param name="Organization">The AWS Organization, when the source looked at one.</param>
/// <param name="Accounts">Every account the source covered, including ones it could not read.</param>
/// <param name="CollectedAt">When the source read it (live scans); null for IaC.</param>
public sealed record CloudInventory(
    Organization? Organization,
    IReadOnlyList<Account> Accounts,
    DateTimeOffset? CollectedAt = null)
{
    /// <summary>
    /// Accounts read only because a chain of a covered account runs through them (an organization trail's owner, the
    /// account of an alarm's topic) when the scan was narrowed away from them (<c>--shard</c>, <c>--accounts</c>).
    /// Chains are followed into them; they get no findings of their own.
    /// </summary>
    public IReadOnlyList<Account> LinkedAccounts { get; init; } = [];

    /// <summary>A covered or linked account.</summary>
    public Account? FindAccount(string accountId) =>
        Accounts.FirstOrDefault(a => a.Id == accountId) ?? LinkedAccounts.FirstOrDefault(a => a.Id == accountId);
}
