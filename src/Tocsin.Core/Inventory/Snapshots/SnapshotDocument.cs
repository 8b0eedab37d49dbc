namespace Tocsin.Core.Inventory.Snapshots;

/// <summary>The top of a snapshot file: the inventory plus the version of the format.</summary>
internal sealed record SnapshotDocument(
    int SchemaVersion,
    DateTimeOffset? CollectedAt,
    Organization? Organization,
    IReadOnlyList<Account> Accounts);
