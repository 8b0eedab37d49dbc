namespace Tocsin.Emulator.State;

/// <summary>An S3 bucket: names are global, so buckets live beside the accounts, not inside them.</summary>
public sealed class Bucket(string name, string ownerAccountId, string region, DateTimeOffset created)
{
    public string Name { get; } = name;

    public string OwnerAccountId { get; } = ownerAccountId;

    public string Region { get; } = region;

    public DateTimeOffset Created { get; } = created;

    public string? Policy { get; set; }
}
