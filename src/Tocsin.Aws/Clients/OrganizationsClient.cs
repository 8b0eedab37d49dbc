using System.Text.Json.Nodes;
using Tocsin.Aws.Http;

namespace Tocsin.Aws.Clients;

/// <summary>An account of the organization (ListAccounts).</summary>
/// <param name="Status">ACTIVE, SUSPENDED or PENDING_CLOSURE.</param>
public sealed record OrganizationAccount(string Id, string? Name, string? Status);

/// <summary>The organization (DescribeOrganization).</summary>
public sealed record OrganizationInfo(string Id, string ManagementAccountId);

/// <summary>Organizations over awsJson1_1; one endpoint per partition (us-east-1 in the commercial one).</summary>
public sealed class OrganizationsClient(AwsSession session)
{
    private const string Target = "AWSOrganizationsV20161128";

    [RequiresPermission("organizations:DescribeOrganization")]
    public async Task<OrganizationInfo> DescribeOrganizationAsync(string region, CancellationToken cancellationToken)
    {
        var reply = await session.JsonAsync(AwsService.Organizations, region, Target, "DescribeOrganization", [], cancellationToken);
        var organization = reply["Organization"];
        return new OrganizationInfo(
            organization.Str("Id") ?? throw new Protocols.AwsProtocolException("organizations:DescribeOrganization: no Id"),
            organization.Str("MasterAccountId") ?? throw new Protocols.AwsProtocolException("organizations:DescribeOrganization: no MasterAccountId"));
    }

    /// <summary>Every account, all pages (works from the management account or a delegated administrator).</summary>
    [RequiresPermission("organizations:ListAccounts")]
    public async Task<IReadOnlyList<OrganizationAccount>> ListAccountsAsync(string region, CancellationToken cancellationToken)
    {
        var accounts = new List<OrganizationAccount>();
        string? token = null;
        do
        {
            var input = new JsonObject();
            if (token is not null)
            {
                input["NextToken"] = token;
            }

            var reply = await session.JsonAsync(AwsService.Organizations, region, Target, "ListAccounts", input, cancellationToken);
            accounts.AddRange(reply.Array("Accounts").Where(a => a.Str("Id") is not null).Select(a => new OrganizationAccount(a.Str("Id")!, a.Str("Name"), a.Str("Status"))));
            token = reply.Str("NextToken");
        }
        while (!string.IsNullOrEmpty(token));

        return accounts;
    }

    /// <summary>The tags of an account of the organization, for a rollout's <c>--priority-tag</c> (management account or delegated administrator).</summary>
    [RequiresPermission("organizations:ListTagsForResource", ForApply = true)]
    public async Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string region, string resourceId, CancellationToken cancellationToken)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            var input = new JsonObject { ["ResourceId"] = resourceId };
            if (token is not null)
            {
                input["NextToken"] = token;
            }

            var reply = await session.JsonAsync(AwsService.Organizations, region, Target, "ListTagsForResource", input, cancellationToken);
            foreach (var tag in reply.Array("Tags"))
            {
                if (tag.Str("Key") is { } key)
                {
                    tags[key] = tag.Str("Value") ?? "";
                }
            }

            token = reply.Str("NextToken");
        }
        while (!string.IsNullOrEmpty(token));

        return tags;
    }
}
