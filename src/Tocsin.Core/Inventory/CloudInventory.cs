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
    public Account? FindAccount(string accountId) => Accounts.FirstOrDefault(a => a.Id == accountId);
}
