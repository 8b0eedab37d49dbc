namespace Tocsin.Emulator.State;

/// <summary>What one account holds in one region.</summary>
public sealed class RegionState(string accountId, string region)
{
    public string AccountId { get; } = accountId;

    public string Region { get; } = region;

    /// <summary>Trails whose home region this is, by name.</summary>
    public SortedDictionary<string, Trail> Trails { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, LogGroup> LogGroups { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, Alarm> Alarms { get; } = new(StringComparer.Ordinal);

    /// <summary>Topics by name.</summary>
    public SortedDictionary<string, Topic> Topics { get; } = new(StringComparer.Ordinal);

    /// <summary>EventBridge rules on the default event bus, by name.</summary>
    public SortedDictionary<string, EventRule> EventRules { get; } = new(StringComparer.Ordinal);

    /// <summary>KMS keys by key id.</summary>
    public SortedDictionary<string, KmsKey> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>KMS aliases (<c>alias/NAME</c>) to the key id they point at.</summary>
    public SortedDictionary<string, string> Aliases { get; } = new(StringComparer.Ordinal);
}
