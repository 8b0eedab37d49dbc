namespace Tocsin.Core.Inventory;

/// <summary>
/// An IAM role something in the inventory acts as, e.g. the role an EventBridge target delivers with (GetRole,
/// ListRolePolicies with GetRolePolicy, ListAttachedRolePolicies with GetPolicy and GetPolicyVersion). Only the
/// roles a source had a reason to read are in an account's <see cref="Account.Roles"/>.
/// </summary>
/// <param name="Arn">The role ARN.</param>
/// <param name="Name">The role name.</param>
/// <param name="TrustPolicy">The trust policy JSON (who may assume the role), decoded.</param>
/// <param name="InlinePolicies">The role's inline policies.</param>
/// <param name="AttachedPolicies">The managed policies attached to the role, with the document of each one's default version.</param>
/// <param name="PermissionsBoundaryArn">The managed policy bounding the role's permissions, null when there is none.</param>
public sealed record IamRole(
    string Arn,
    string Name,
    Observed<string?> TrustPolicy,
    Observed<IReadOnlyList<RolePolicy>> InlinePolicies,
    Observed<IReadOnlyList<RolePolicy>> AttachedPolicies,
    Observed<string?> PermissionsBoundaryArn,
    Source? Source = null);

/// <summary>A permissions policy of a role: inline (no ARN) or managed (with its ARN).</summary>
/// <param name="Name">The inline policy's name, or the managed policy's name.</param>
/// <param name="Arn">The managed policy's ARN; null for an inline policy.</param>
/// <param name="Document">The policy JSON, decoded.</param>
public sealed record RolePolicy(
    string Name,
    string? Arn,
    Observed<string> Document);
