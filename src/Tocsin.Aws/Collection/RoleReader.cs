using System.Collections.Concurrent;
using Tocsin.Aws.Clients;
using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Collection;

/// <summary>
/// Reads a role of the session's account: GetRole (trust policy, boundary), its inline policies (ListRolePolicies,
/// GetRolePolicy) and its managed ones (ListAttachedRolePolicies, GetPolicy for the version in force, GetPolicyVersion).
/// Each role is read once. A role IAM does not know is left out, so a known list without it says it does not exist.
/// </summary>
internal sealed class RoleReader(IamClient iam)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<IamRole?>>> _roles = new(StringComparer.Ordinal);

    /// <summary>The roles read that exist, or that could not be read, in ARN order.</summary>
    public IReadOnlyList<IamRole> Read =>
    [
        .. _roles.Values.Where(call => call.Value.IsCompletedSuccessfully).Select(call => call.Value.Result).OfType<IamRole>().OrderBy(role => role.Arn, StringComparer.Ordinal),
    ];

    /// <summary>The account id in a role ARN, null for anything else.</summary>
    public static string? AccountOf(string arn) =>
        arn.Split(':') is ["arn", _, "iam", "", var account, var resource] && resource.StartsWith("role/", StringComparison.Ordinal) ? account : null;

    public Task ReadAsync(string arn, CancellationToken cancellationToken) =>
        _roles.GetOrAdd(arn, key => new(() => ReadRoleAsync(key, cancellationToken))).Value;

    private async Task<IamRole?> ReadRoleAsync(string arn, CancellationToken cancellationToken)
    {
        // The name is the last part of the ARN; a path (role/service-role/NAME) does not belong to it.
        var name = arn[(arn.LastIndexOf('/') + 1)..];
        var (described, missing) = await Observe.CallOrMissingAsync(() => iam.GetRoleAsync(name, cancellationToken));
        if (missing || (described.TryGetValue(out var found) && found is null))
        {
            return null;
        }

        var inline = ReadInlineAsync(name, cancellationToken);
        var attached = ReadAttachedAsync(name, cancellationToken);
        return new IamRole(
            arn,
            name,
            described.Select(role => role!.TrustPolicy),
            await inline,
            await attached,
            described.Select(role => role!.PermissionsBoundaryArn),
            Source.FromArn(arn));
    }

    private async Task<Observed<IReadOnlyList<RolePolicy>>> ReadInlineAsync(string roleName, CancellationToken cancellationToken)
    {
        var names = await Observe.CallAsync(() => iam.ListRolePoliciesAsync(roleName, cancellationToken));
        if (!names.TryGetValue(out var list))
        {
            return Observed<IReadOnlyList<RolePolicy>>.NotKnown(names.Unknown!);
        }

        var policies = await Task.WhenAll(list.Select(async policyName =>
        {
            var document = await Observe.CallAsync(() => iam.GetRolePolicyAsync(roleName, policyName, cancellationToken));
            return new RolePolicy(policyName, null, document.Select(text => text ?? ""));
        }));
        return Observed.Known<IReadOnlyList<RolePolicy>>(policies);
    }

    private async Task<Observed<IReadOnlyList<RolePolicy>>> ReadAttachedAsync(string roleName, CancellationToken cancellationToken)
    {
        var attached = await Observe.CallAsync(() => iam.ListAttachedRolePoliciesAsync(roleName, cancellationToken));
        if (!attached.TryGetValue(out var list))
        {
            return Observed<IReadOnlyList<RolePolicy>>.NotKnown(attached.Unknown!);
        }

        var policies = await Task.WhenAll(list.Select(async policy =>
        {
            var version = await Observe.CallAsync(() => iam.GetPolicyAsync(policy.Arn, cancellationToken));
            var document = version.TryGetValue(out var id)
                ? await Observe.CallAsync(() => iam.GetPolicyVersionAsync(policy.Arn, id, cancellationToken))
                : Observed<string>.NotKnown(version.Unknown!);
            return new RolePolicy(policy.Name, policy.Arn, document);
        }));
        return Observed.Known<IReadOnlyList<RolePolicy>>(policies);
    }
}
