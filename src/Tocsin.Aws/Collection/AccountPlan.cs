using Tocsin.Aws.Clients;
using Tocsin.Aws.Credentials;
using Tocsin.Aws.Http;
using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Collection;

/// <summary>
/// Which accounts a request covers and how each is reached: the caller's account, the organization's active
/// accounts through the role, extra accounts, narrowed by <c>--accounts</c> and <c>--shard</c>. Accounts the
/// organization lists as suspended or closing are kept, unreadable, so they show as errors rather than vanish.
/// </summary>
/// <param name="NarrowedOut">Accounts the scan could reach but was narrowed away from: read only when a chain of a wanted account runs through them.</param>
internal sealed record AccountPlan(Organization? Organization, IReadOnlyList<AccountToRead> Accounts, IReadOnlyList<Account> Unreadable, IReadOnlyDictionary<string, AccountToRead> NarrowedOut)
{
    public static async Task<AccountPlan> MakeAsync(CollectRequest request, AwsSession caller, CallerIdentity identity, string region, CancellationToken cancellationToken)
    {
        var reach = new Dictionary<string, AccountToRead>(StringComparer.Ordinal);
        var unreadable = new List<Account>();
        Organization? organization = null;
        if (request.Organization is { } scope)
        {
            var client = new OrganizationsClient(caller);
            OrganizationInfo info;
            IReadOnlyList<OrganizationAccount> listed;
            try
            {
                info = await client.DescribeOrganizationAsync(region, cancellationToken);
                listed = await client.ListAccountsAsync(region, cancellationToken);
            }
            catch (AwsServiceException problem)
            {
                throw new CollectionException(
                    $"Cannot list the organization's accounts as {identity.Arn}: {problem.Code} ({problem.AwsMessage}). Run from the management account or a delegated administrator, or name the accounts instead.", problem);
            }
            catch (Protocols.AwsProtocolException problem)
            {
                throw new CollectionException($"Cannot list the organization's accounts: {problem.Message.TrimEnd('.')}.", problem);
            }

            organization = new Organization(info.Id, info.ManagementAccountId, Observed.Known<IReadOnlyList<string>>([.. listed.Select(a => a.Id).Order(StringComparer.Ordinal)]));
            foreach (var account in listed)
            {
                if (account.Status is null or "ACTIVE")
                {
                    reach[account.Id] = new AccountToRead(account.Id, account.Name, RoleFor(account.Id, scope.RoleName, scope.ExternalId, identity, request, region));
                }
                else
                {
                    unreadable.Add(new Account(account.Id, account.Name, Observed.Unknown<IReadOnlyList<Region>>(UnknownReason.Unavailable, $"the organization lists the account as {account.Status}")));
                }
            }
        }

        foreach (var target in request.Accounts)
        {
            var roleName = target.RoleName ?? request.Organization?.RoleName;
            if (roleName is null && target.AccountId != identity.Account)
            {
                throw new CollectionException($"Account {target.AccountId} has no role to assume: give it a role name, or scan an organization with --role-name.");
            }

            reach[target.AccountId] = new AccountToRead(
                target.AccountId,
                reach.GetValueOrDefault(target.AccountId)?.Name,
                roleName is null ? null : RoleFor(target.AccountId, roleName, target.ExternalId ?? request.Organization?.ExternalId, identity, request, region));
        }

        if (request.Organization is null && request.Accounts.Count == 0)
        {
            reach[identity.Account] = new AccountToRead(identity.Account, null, null);
        }

        var only = request.OnlyAccounts?.ToHashSet(StringComparer.Ordinal);
        bool Wanted(string id) => (only is null || only.Contains(id)) && (request.Shard is not { } shard || shard.Contains(id));
        return new AccountPlan(
            organization,
            [.. reach.Values.Where(a => Wanted(a.Id)).OrderBy(a => a.Id, StringComparer.Ordinal)],
            [.. unreadable.Where(a => Wanted(a.Id))],
            reach.Values.Where(a => !Wanted(a.Id)).ToDictionary(a => a.Id, StringComparer.Ordinal));
    }

    /// <summary>The caller's own account is read with the caller's credentials: a management account rarely has the member role.</summary>
    private static RoleTarget? RoleFor(string accountId, string roleName, string? externalId, CallerIdentity identity, CollectRequest request, string region) =>
        accountId == identity.Account ? null : RoleTarget.In(accountId, roleName, region, request.SessionName, externalId);
}
