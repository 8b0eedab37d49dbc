using System.Net;
using Tocsin.Aws.Http;
using Tocsin.Aws.Protocols;

namespace Tocsin.Aws.Clients;

/// <summary>GetRole: the role's ARN, its trust policy (decoded) and the managed policy bounding it, if any.</summary>
public sealed record RoleDescription(string Arn, string? TrustPolicy, string? PermissionsBoundaryArn = null);

/// <summary>A managed policy attached to a role (ListAttachedRolePolicies).</summary>
public sealed record AttachedPolicy(string Name, string Arn);

/// <summary>
/// IAM over awsQuery (Version 2010-05-08). IAM is global: every call goes to its one endpoint, signed for us-east-1 in
/// the aws partition, whatever region it is asked about. Policy documents come back URL-encoded.
/// </summary>
public sealed class IamClient(AwsSession session)
{
    private const string Version = "2010-05-08";
    private const string Anywhere = "us-east-1";

    /// <summary>The role, or null when there is no role of that name.</summary>
    [RequiresPermission("iam:GetRole", ForApply = true, ForEventBridge = true)]
    public async Task<RoleDescription?> GetRoleAsync(string roleName, CancellationToken cancellationToken)
    {
        try
        {
            var result = await session.QueryAsync(AwsService.Iam, Anywhere, "GetRole", Version, [new("RoleName", roleName)], cancellationToken);
            var role = Xml.Child(result, "Role");
            return new RoleDescription(Xml.Text(role, "Arn") ?? "", Decode(Xml.Text(role, "AssumeRolePolicyDocument")), Xml.Text(Xml.Child(role, "PermissionsBoundary"), "PermissionsBoundaryArn"));
        }
        catch (AwsServiceException missing) when (missing.Code == "NoSuchEntity" || missing.Status == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>An inline policy of the role, or null when the role has none of that name.</summary>
    [RequiresPermission("iam:GetRolePolicy", ForApply = true, ForEventBridge = true)]
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

    /// <summary>The names of the role's inline policies, all pages.</summary>
    [RequiresPermission("iam:ListRolePolicies", ForEventBridge = true)]
    public async Task<IReadOnlyList<string>> ListRolePoliciesAsync(string roleName, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await PagesAsync("ListRolePolicies", roleName, result => names.AddRange(Xml.Strings(result, "PolicyNames")), cancellationToken);
        return names;
    }

    /// <summary>The managed policies attached to the role, all pages.</summary>
    [RequiresPermission("iam:ListAttachedRolePolicies", ForEventBridge = true)]
    public async Task<IReadOnlyList<AttachedPolicy>> ListAttachedRolePoliciesAsync(string roleName, CancellationToken cancellationToken)
    {
        var policies = new List<AttachedPolicy>();
        await PagesAsync("ListAttachedRolePolicies", roleName, result => policies.AddRange(
            Xml.Members(result, "AttachedPolicies").Select(p => new AttachedPolicy(Xml.Text(p, "PolicyName") ?? "", Xml.Text(p, "PolicyArn") ?? ""))), cancellationToken);
        return policies;
    }

    /// <summary>The id of the managed policy's default version (the one in force).</summary>
    [RequiresPermission("iam:GetPolicy", ForEventBridge = true)]
    public async Task<string> GetPolicyAsync(string policyArn, CancellationToken cancellationToken)
    {
        var result = await session.QueryAsync(AwsService.Iam, Anywhere, "GetPolicy", Version, [new("PolicyArn", policyArn)], cancellationToken);
        return Xml.Text(Xml.Child(result, "Policy"), "DefaultVersionId") ?? "";
    }

    /// <summary>One version's policy document, decoded.</summary>
    [RequiresPermission("iam:GetPolicyVersion", ForEventBridge = true)]
    public async Task<string> GetPolicyVersionAsync(string policyArn, string versionId, CancellationToken cancellationToken)
    {
        var result = await session.QueryAsync(AwsService.Iam, Anywhere, "GetPolicyVersion", Version, [new("PolicyArn", policyArn), new("VersionId", versionId)], cancellationToken);
        return Decode(Xml.Text(Xml.Child(result, "PolicyVersion"), "Document")) ?? "";
    }

    [RequiresPermission("iam:CreateRole", ForApply = true)]
    public Task CreateRoleAsync(string roleName, string trustPolicy, string description, CancellationToken cancellationToken) =>
        session.QueryAsync(AwsService.Iam, Anywhere, "CreateRole", Version, [new("RoleName", roleName), new("AssumeRolePolicyDocument", trustPolicy), new("Description", description)], cancellationToken);

    /// <summary>Creates or replaces the role's inline policy of that name.</summary>
    [RequiresPermission("iam:PutRolePolicy", ForApply = true)]
    public Task PutRolePolicyAsync(string roleName, string policyName, string policy, CancellationToken cancellationToken) =>
        session.QueryActionAsync(AwsService.Iam, Anywhere, "PutRolePolicy", Version, [new("RoleName", roleName), new("PolicyName", policyName), new("PolicyDocument", policy)], cancellationToken);

    /// <summary>Follows an IAM listing's <c>Marker</c> while <c>IsTruncated</c>.</summary>
    private async Task PagesAsync(string operation, string roleName, Action<System.Xml.Linq.XElement> read, CancellationToken cancellationToken)
    {
        string? marker = null;
        do
        {
            var parameters = new List<KeyValuePair<string, string>> { new("RoleName", roleName) };
            if (marker is not null)
            {
                parameters.Add(new("Marker", marker));
            }

            var result = await session.QueryAsync(AwsService.Iam, Anywhere, operation, Version, parameters, cancellationToken);
            read(result);
            marker = Xml.Bool(result, "IsTruncated") == true ? Xml.Text(result, "Marker") : null;
        }
        while (!string.IsNullOrEmpty(marker));
    }

    private static string? Decode(string? document) => document is null ? null : Uri.UnescapeDataString(document);
}
