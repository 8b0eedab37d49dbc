namespace Tocsin.Emulator.State;

/// <summary>An IAM role. <see cref="TrustedAccounts"/> is the emulator's reading of the trust policy: who may assume it.</summary>
public sealed class Role(string accountId, string name, string roleId, DateTimeOffset created)
{
    public string AccountId { get; } = accountId;

    public string Name { get; } = name;

    public string RoleId { get; } = roleId;

    public string Path { get; set; } = "/";

    public DateTimeOffset Created { get; } = created;

    public string Arn => $"arn:aws:iam::{AccountId}:role{Path}{Name}";

    public string? AssumeRolePolicyDocument { get; set; }

    /// <summary>Account ids allowed to assume the role; "*" allows any account the emulator knows.</summary>
    public HashSet<string> TrustedAccounts { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, string> InlinePolicies { get; } = new(StringComparer.Ordinal);

    /// <summary>The ARNs of the managed policies attached to the role.</summary>
    public SortedSet<string> AttachedPolicies { get; } = new(StringComparer.Ordinal);
}
