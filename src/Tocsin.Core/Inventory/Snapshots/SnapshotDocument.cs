namespace Tocsin.Core.Inventory.Snapshots;

/// <summary>The top of a snapshot file: the inventory plus the version of the format.</summary>
/// <param name="LinkedAccounts">Written only when there are some (a narrowed scan), so other snapshots keep their bytes.</param>
internal sealed record SnapshotDocument(
    int SchemaVersion,
    DateTimeOffset? CollectedAt,
    Organization? Organization,
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<Account>? LinkedAccounts = null);
