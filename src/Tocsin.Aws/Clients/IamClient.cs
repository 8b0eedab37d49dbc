using System.Net;
using Tocsin.Aws.Http;
using Tocsin.Aws.Protocols;

namespace Tocsin.Aws.Clients;

/// <summary>GetRole: the role's ARN and its trust policy (decoded).</summary>
public sealed record RoleDescription(string Arn, string? TrustPolicy);

/// <summary>
/// IAM over awsQuery (Version 2010-05-08). IAM is global: every call goes to its one endpoint, signed for us-east-1 in
/// the aws partition, whatever region it is asked about. Policy documents come back URL-encoded.
/// </summary>
public sealed class IamClient(AwsSession session)
{
    private const string Version = "2010-05-08";
    private const string Anywhere = "us-east-1";

    /// <summary>The role, or null when there is no role of that name.</summary>
    [RequiresPermission("iam:GetRole", ForApply = true)]
    public async Task<RoleDescription?> GetRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        try
        {
            var result = await session.QueryAsync(AwsService.Iam, Anywhere, "GetRole", Version, [new("RoleName", roleName)], cancellationToken);
            var role = Xml.Child(result, "Role");
            return new RoleDescription(Xml.Text(role, "Arn") ?? "", Decode(Xml.Text(role, "AssumeRolePolicyDocument")));
        }
        catch (AwsServiceException missing) when (missing.Code == "NoSuchEntity" || missing.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>An inline policy of the role, or null when the role has none of that name.</summary>
    [RequiresPermission("iam:GetRolePolicy", ForApply = true)]
    public async Task<string?> GetRolePolicyAsync(string roleName, string policyName, CancellationToken cancellationToken)
    {
        try
        {
            var result = await session.QueryAsync(AwsService.Iam, Anywhere, "GetRolePolicy", Version, [new("RoleName", roleName), new("PolicyName", policyName)], cancellationToken);
            return Decode(Xml.Text(result, "PolicyDocument"));
        }
        catch (AwsServiceException missing) when (missing.Code == "NoSuchEntity" || missing.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    [RequiresPermission("iam:CreateRole", ForApply = true)]
    public Task CreateRoleAsync(string roleName, string trustPolicy, string description, CancellationToken cancellationToken) =>
        session.QueryAsync(AwsService.Iam, Anywhere, "CreateRole", Version, [new("RoleName", roleName), new("AssumeRolePolicyDocument", trustPolicy), new("Description", description)], cancellationToken);

    /// <summary>Creates or replaces the role's inline policy of that name.</summary>
    [RequiresPermission("iam:PutRolePolicy", ForApply = true)]
    public Task PutRolePolicyAsync(string roleName, string policyName, string policy, CancellationToken cancellationToken) =>
        session.QueryActionAsync(AwsService.Iam, Anywhere, "PutRolePolicy", Version, [new("RoleName", roleName), new("PolicyName", policyName), new("PolicyDocument", policy)], cancellationToken);

    private static string? Decode(string? document) => document is null ? null : Uri.UnescapeDataString(document);
}
