namespace Tocsin.Emulator.State;

/// <summary>
/// A key the emulator accepts: long-term (an IAM user's, from the scenario) or temporary (from AssumeRole,
/// with a session token and an expiry). The secret stays in memory: it is never written or printed.
/// </summary>
public sealed record AccessKey(
    string Id,
    string Secret,
    string AccountId,
    string PrincipalArn,
    string UserId,
    string? SessionToken = null,
    DateTimeOffset? Expiration = null)
{
    public bool IsTemporary => SessionToken is not null;

    public override string ToString() => $"{Id} ({PrincipalArn})";
}
