using System.Net;
using System.Text.Json.Nodes;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>IAM roles, as far as a trail's CloudWatch Logs delivery role and AssumeRole need them.</summary>
internal static class IamService
{
    public static readonly ServiceDefinition Definition = new(
        "iam", "iam", WireProtocol.Query, null, null, "https://iam.amazonaws.com/doc/2010-05-08/",
        new Dictionary<string, Operation>
        {
            ["CreateRole"] = CreateRole,
            ["GetRole"] = call => new JsonObject { ["Role"] = Shape(Find(call, call.Input.Required("RoleName", "ValidationError"))) },
            ["PutRolePolicy"] = PutRolePolicy,
            ["GetRolePolicy"] = GetRolePolicy,
            ["ListRolePolicies"] = call => new JsonObject
            {
                ["PolicyNames"] = new JsonArray([.. Find(call, call.Input.Required("RoleName", "ValidationError")).InlinePolicies.Keys.Select(name => (JsonNode)name)]),
                ["IsTruncated"] = false,
            },
            ["ListAttachedRolePolicies"] = ListAttachedRolePolicies,
            ["AttachRolePolicy"] = AttachRolePolicy,
            ["CreatePolicy"] = ManagedPolicyOperations.Create,
            ["GetPolicy"] = ManagedPolicyOperations.Get,
            ["GetPolicyVersion"] = ManagedPolicyOperations.GetVersion,
        });

    private static JsonObject ListAttachedRolePolicies(CallContext call)
    {
        var role = Find(call, call.Input.Required("RoleName", "ValidationError"));
        return new JsonObject
        {
            ["AttachedPolicies"] = new JsonArray([.. role.AttachedPolicies.Select(arn => (JsonNode)new JsonObject { ["PolicyName"] = arn[(arn.LastIndexOf('/') + 1)..], ["PolicyArn"] = arn })]),
            ["IsTruncated"] = false,
        };
    }

    private static JsonObject? AttachRolePolicy(CallContext call)
    {
        var role = Find(call, call.Input.Required("RoleName", "ValidationError"));
        var arn = call.Input.Required("PolicyArn", "ValidationError");
        ManagedPolicyOperations.Find(call, arn);
        role.AttachedPolicies.Add(arn);
        return null;
    }

    private static Role Find(CallContext call, string name) =>
        call.Account.Roles.GetValueOrDefault(name)
        ?? throw new AwsError("NoSuchEntity", $"The role with name {name} cannot be found.", HttpStatusCode.NotFound);

    private static JsonObject CreateRole(CallContext call)
    {
        var name = call.Input.Required("RoleName", "ValidationError");
        var trust = call.Input.Required("AssumeRolePolicyDocument", "ValidationError");
        if (call.Account.Roles.ContainsKey(name))
        {
            throw new AwsError("EntityAlreadyExists", $"Role with name {name} already exists.", HttpStatusCode.Conflict);
        }

        JsonNode? document;
        try
        {
            document = JsonNode.Parse(trust);
        }
        catch (System.Text.Json.JsonException)
        {
            throw new AwsError("MalformedPolicyDocument", "This policy contains invalid Json");
        }

        var role = new Role(call.Account.Id, name, EmulatorState.NewId("AROA", 17), call.Now)
        {
            Path = call.Input.Str("Path") ?? "/",
            AssumeRolePolicyDocument = trust,
        };
        foreach (var account in TrustedAccounts(document, call.State))
        {
            role.TrustedAccounts.Add(account);
        }

        call.Account.Roles[name] = role;
        return new JsonObject { ["Role"] = Shape(role) };
    }

    /// <summary>The accounts an <c>AWS</c> principal in the trust policy names (account id, root ARN or "*").</summary>
    private static IEnumerable<string> TrustedAccounts(JsonNode? document, EmulatorState state)
    {
        var text = document?.ToJsonString() ?? string.Empty;
        if (text.Contains("\"AWS\":\"*\"", StringComparison.Ordinal))
        {
            yield return "*";
        }

        foreach (var account in state.Accounts.Keys)
        {
            if (text.Contains(account, StringComparison.Ordinal))
            {
                yield return account;
            }
        }
    }

    private static JsonObject? PutRolePolicy(CallContext call)
    {
        var role = Find(call, call.Input.Required("RoleName", "ValidationError"));
        role.InlinePolicies[call.Input.Required("PolicyName", "ValidationError")] = call.Input.Required("PolicyDocument", "ValidationError");
        return null;
    }

    private static JsonObject GetRolePolicy(CallContext call)
    {
        var role = Find(call, call.Input.Required("RoleName", "ValidationError"));
        var policyName = call.Input.Required("PolicyName", "ValidationError");
        var document = role.InlinePolicies.GetValueOrDefault(policyName)
            ?? throw new AwsError("NoSuchEntity", $"The role policy with name {policyName} cannot be found.", HttpStatusCode.NotFound);
        return new JsonObject { ["RoleName"] = role.Name, ["PolicyName"] = policyName, ["PolicyDocument"] = Uri.EscapeDataString(document) };
    }

    private static JsonObject Shape(Role role) => new()
    {
        ["Path"] = role.Path,
        ["RoleName"] = role.Name,
        ["RoleId"] = role.RoleId,
        ["Arn"] = role.Arn,
        ["CreateDate"] = JsonValue.Create(role.Created),
        ["AssumeRolePolicyDocument"] = role.AssumeRolePolicyDocument is null ? null : Uri.EscapeDataString(role.AssumeRolePolicyDocument),
    };
}
