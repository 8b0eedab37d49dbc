using System.Text.Json.Nodes;
using Tocsin.Emulator.Protocol;

namespace Tocsin.Emulator.Services;

/// <summary>Organizations: the organization and its accounts (ListAccounts pages of at most 20, as AWS).</summary>
internal static class OrganizationsService
{
    public static readonly ServiceDefinition Definition = new(
        "organizations", "organizations", WireProtocol.Json, "AWSOrganizationsV20161128", "1.1", null,
        new Dictionary<string, Operation>
        {
            ["DescribeOrganization"] = DescribeOrganization,
            ["ListAccounts"] = ListAccounts,
            ["ListRoots"] = ListRoots,
        });

    private static State.Organization Organization(CallContext call)
    {
        var organization = call.State.Organization;
        if (organization is null || !call.Account.IsOrganizationMember)
        {
            throw new AwsError("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
        }

        return organization;
    }

    private static JsonObject DescribeOrganization(CallContext call)
    {
        var organization = Organization(call);
        return new JsonObject
        {
            ["Organization"] = new JsonObject
            {
                ["Id"] = organization.Id,
                ["Arn"] = organization.Arn,
                ["FeatureSet"] = "ALL",
                ["MasterAccountArn"] = $"arn:aws:organizations::{organization.ManagementAccountId}:account/{organization.Id}/{organization.ManagementAccountId}",
                ["MasterAccountId"] = organization.ManagementAccountId,
                ["MasterAccountEmail"] = organization.ManagementAccountEmail,
                ["AvailablePolicyTypes"] = new JsonArray(new JsonObject { ["Type"] = "SERVICE_CONTROL_POLICY", ["Status"] = "ENABLED" }),
            },
        };
    }

    private static JsonObject ListAccounts(CallContext call)
    {
        var organization = Organization(call);
        if (call.Caller.AccountId != organization.ManagementAccountId)
        {
            throw new AwsError("AccessDeniedException", "You don't have permissions to access this resource.");
        }

        var accounts = call.State.Accounts.Values.Where(account => account.IsOrganizationMember).ToList();
        var page = Paging.Page(accounts, call.Input.Str("NextToken"), call.Input.Int("MaxResults"), 20, 20, "InvalidInputException");
        var output = new JsonObject
        {
            ["Accounts"] = new JsonArray([.. page.Items.Select(account => (JsonNode)new JsonObject
            {
                ["Id"] = account.Id,
                ["Arn"] = organization.AccountArn(account.Id),
                ["Email"] = account.Email,
                ["Name"] = account.Name,
                ["Status"] = "ACTIVE",
                ["State"] = "ACTIVE",
                ["JoinedMethod"] = account.Id == organization.ManagementAccountId ? "INVITED" : "CREATED",
                ["JoinedTimestamp"] = JsonValue.Create(account.Joined),
            })]),
        };
        output["NextToken"] = page.NextToken;
        return output;
    }

    private static JsonObject ListRoots(CallContext call)
    {
        var organization = Organization(call);
        return new JsonObject
        {
            ["Roots"] = new JsonArray(new JsonObject
            {
                ["Id"] = organization.RootId,
                ["Arn"] = $"arn:aws:organizations::{organization.ManagementAccountId}:root/{organization.Id}/{organization.RootId}",
                ["Name"] = "Root",
                ["PolicyTypes"] = new JsonArray(),
            }),
        };
    }
}
