using System.Globalization;

namespace Tocsin.Aws.Collection;

/// <summary>
/// One of <see cref="Count"/> workers that split a scan's accounts (<c>--shard I/N</c>, I from 0). An account
/// belongs to shard (its 12-digit id as a number) mod N: decided by the id alone, so every worker agrees
/// whatever order the organization lists its accounts in, and an account that joins between the workers' starts
/// lands in exactly one of them.
/// </summary>
public sealed record ShardSpec
{
    /// <summary>The most shards a scan can be split into.</summary>
    public const int MaxCount = 10_000;

    private ShardSpec(int index, int count) => (Index, Count) = (index, count);

    /// <summary>This worker's shard, from 0 to <see cref="Count"/> − 1.</summary>
    public int Index { get; }

    /// <summary>How many shards share the scan.</summary>
    public int Count { get; }

    /// <summary>Whether the account is this shard's to read and report.</summary>
    public bool Contains(string accountId) =>
        long.Parse(accountId, NumberStyles.None, CultureInfo.InvariantCulture) % Count == Index;

    /// <summary>Reads <c>I/N</c>; the problem says what is wrong in the user's words.</summary>
    public static (ShardSpec? Shard, string? Problem) Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length != 2 || !IsNumber(parts[0]) || !IsNumber(parts[1]))
        {
            return (null, $"`{text}` is not I/N: two whole numbers, the shard (from 0) and the number of shards, e.g. 0/3");
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > MaxCount)
        {
            return (null, $"`{text}`: the number of shards must be from 1 to {MaxCount}");
        }

        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= count)
        {
            return (null, $"`{text}`: shards are numbered from 0, so with {count} shard{(count == 1 ? "" : "s")} the shard must be from 0 to {count - 1}");
        }

        return (new ShardSpec(index, count), null);
    }

    public override string ToString() => $"{Index}/{Count}";

    private static bool IsNumber(string part) => part.Length > 0 && part.All(char.IsAsciiDigit);
}
