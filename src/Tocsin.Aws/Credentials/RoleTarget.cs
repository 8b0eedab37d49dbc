namespace Tocsin.Aws.Credentials;

/// <summary>A role to assume: its ARN, the session name that shows in the account's CloudTrail, and the external id it demands.</summary>
public sealed record RoleTarget(string RoleArn, string SessionName, string? ExternalId = null)
{
    /// <summary>The role <paramref name="roleName"/> in <paramref name="accountId"/>, in the partition of <paramref name="region"/>.</summary>
    public static RoleTarget In(string accountId, string roleName, string region, string sessionName, string? externalId) =>
        new($"arn:{Http.AwsPartition.Of(region).Name}:iam::{accountId}:role/{roleName.TrimStart('/')}", sessionName, externalId);
}
