namespace Tocsin.Emulator.State;

/// <summary>One AWS account: its global resources (IAM) and its regional state, created on first use.</summary>
public sealed class AccountState(string id, string name, string email, DateTimeOffset joined)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public string Email { get; } = email;

    public DateTimeOffset Joined { get; } = joined;

    /// <summary>Whether the account belongs to the organization (standalone accounts do not inherit its trails).</summary>
    public bool IsOrganizationMember { get; set; }

    /// <summary>The account's tags in the organization (ListTagsForResource).</summary>
    public SortedDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, Role> Roles { get; } = new(StringComparer.Ordinal);

    /// <summary>Customer managed policies by ARN: one version each, the policy document as created.</summary>
    public SortedDictionary<string, ManagedPolicy> Policies { get; } = new(StringComparer.Ordinal);

    private readonly Dictionary<string, RegionState> _regions = new(StringComparer.Ordinal);

    public IEnumerable<RegionState> Regions => _regions.Values.OrderBy(region => region.Region, StringComparer.Ordinal);

    public RegionState Region(string region)
    {
        if (!_regions.TryGetValue(region, out var state))
        {
            state = new RegionState(Id, region);
            _regions[region] = state;
        }

        return state;
    }
}
