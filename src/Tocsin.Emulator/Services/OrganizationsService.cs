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
            ["ListChildren"] = ListChildren,
            ["ListTagsForResource"] = ListTagsForResource,
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

    /// <summary>The tags of a member account; only the management account may ask.</summary>
    private static JsonObject ListTagsForResource(CallContext call)
    {
        var organization = Organization(call);
        if (call.Caller.AccountId != organization.ManagementAccountId)
        {
            throw new AwsError("AccessDeniedException", "You don't have permissions to access this resource.");
        }

        var id = call.Input.Required("ResourceId", "InvalidInputException");
        if (!call.State.Accounts.TryGetValue(id, out var account) || !account.IsOrganizationMember)
        {
            throw new AwsError("TargetNotFoundException", $"We can't find a resource with the ResourceId {id}.");
        }

        return new JsonObject
        {
            ["Tags"] = new JsonArray([.. account.Tags.Select(tag => (JsonNode)new JsonObject { ["Key"] = tag.Key, ["Value"] = tag.Value })]),
        };
    }

    /// <summary>Every member account sits directly under the root (the emulator has no organizational units).</summary>
    private static JsonObject ListChildren(CallContext call)
    {
        var organization = Organization(call);
        var parent = call.Input.Required("ParentId", "InvalidInputException");
        var type = call.Input.Required("ChildType", "InvalidInputException");
        if (parent != organization.RootId)
        {
            throw new AwsError("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.");
        }

        var children = type == "ACCOUNT"
            ? call.State.Accounts.Values.Where(account => account.IsOrganizationMember).Select(account => account.Id).ToList()
            : [];
        var page = Paging.Page(children, call.Input.Str("NextToken"), call.Input.Int("MaxResults"), 20, 20, "InvalidInputException");
        var output = new JsonObject
        {
            ["Children"] = new JsonArray([.. page.Items.Select(id => (JsonNode)new JsonObject { ["Id"] = id, ["Type"] = "ACCOUNT" })]),
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
