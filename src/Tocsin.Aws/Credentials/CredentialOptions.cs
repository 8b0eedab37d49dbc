namespace Tocsin.Aws.Credentials;

/// <summary>
/// How to find the starting credentials, as every AWS tool does: a named profile (<c>--profile</c>: static keys,
/// assume-role, SSO, credential_process or web identity profiles) or, without one, the SDK's default chain
/// (environment, <c>AWS_PROFILE</c>/default profile, web identity, container, instance metadata).
/// </summary>
/// <param name="Profile">A profile of the shared config and credentials files.</param>
/// <param name="Region">The region for calls that are not about a region (STS, DescribeRegions); defaults as the AWS CLI does.</param>
public sealed record CredentialOptions(string? Profile = null, string? Region = null);
