using Amazon.Runtime;
using Tocsin.Aws.Clients;

namespace Tocsin.Aws.Credentials;

/// <summary>
/// Credentials of a role assumed in a member account through <see cref="StsClient"/> (so the call is counted,
/// retried and sent to the overridden endpoint), refreshed by the SDK's base class before they expire.
/// </summary>
public sealed class AssumedRoleCredentials(StsClient sts, string region, RoleTarget target, TimeSpan? duration = null) : RefreshingAWSCredentials
{
    public RoleTarget Target { get; } = target;

    protected override CredentialsRefreshState GenerateNewCredentials() =>
        GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        var assumed = await sts.AssumeRoleAsync(region, Target.RoleArn, Target.SessionName, Target.ExternalId, duration ?? TimeSpan.FromHours(1), CancellationToken.None);
        return new CredentialsRefreshState(new ImmutableCredentials(assumed.AccessKeyId, assumed.SecretAccessKey, assumed.SessionToken), assumed.Expiration.UtcDateTime);
    }
}
