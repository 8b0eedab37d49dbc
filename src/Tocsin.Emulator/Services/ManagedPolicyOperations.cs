using System.Net;
using System.Text.Json.Nodes;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>CreatePolicy, GetPolicy and GetPolicyVersion for customer managed policies; each has one version, <c>v1</c>.</summary>
internal static class ManagedPolicyOperations
{
    private const string Version = "v1";

    public static ManagedPolicy Find(CallContext call, string arn) =>
        call.Account.Policies.GetValueOrDefault(arn)
        ?? throw new AwsError("NoSuchEntity", $"Policy {arn} does not exist or is not attachable.", HttpStatusCode.NotFound);

    public static JsonObject Create(CallContext call)
    {
        var name = call.Input.Required("PolicyName", "ValidationError");
        var document = call.Input.Required("PolicyDocument", "ValidationError");
        var arn = $"arn:aws:iam::{call.Account.Id}:policy{call.Input.Str("Path") ?? "/"}{name}";
        if (call.Account.Policies.ContainsKey(arn))
        {
            throw new AwsError("EntityAlreadyExists", $"A policy called {name} already exists. Duplicate names are not allowed.", HttpStatusCode.Conflict);
        }

        var policy = new ManagedPolicy(arn, name, EmulatorState.NewId("ANPA", 17), document, call.Now);
        call.Account.Policies[arn] = policy;
        return new JsonObject { ["Policy"] = Shape(call, policy) };
    }

    public static JsonObject Get(CallContext call) =>
        new() { ["Policy"] = Shape(call, Find(call, call.Input.Required("PolicyArn", "ValidationError"))) };

    public static JsonObject GetVersion(CallContext call)
    {
        var policy = Find(call, call.Input.Required("PolicyArn", "ValidationError"));
        var version = call.Input.Required("VersionId", "ValidationError");
        if (version != Version)
        {
            throw new AwsError("NoSuchEntity", $"Policy {policy.Arn} version {version} does not exist or is not attachable.", HttpStatusCode.NotFound);
        }

        return new JsonObject
        {
            ["PolicyVersion"] = new JsonObject
            {
                ["Document"] = Uri.EscapeDataString(policy.Document),
                ["VersionId"] = Version,
                ["IsDefaultVersion"] = true,
                ["CreateDate"] = JsonValue.Create(policy.Created),
            },
        };
    }

    private static JsonObject Shape(CallContext call, ManagedPolicy policy) => new()
    {
        ["PolicyName"] = policy.Name,
        ["PolicyId"] = policy.PolicyId,
        ["Arn"] = policy.Arn,
        ["Path"] = "/",
        ["DefaultVersionId"] = Version,
        ["AttachmentCount"] = call.Account.Roles.Values.Count(role => role.AttachedPolicies.Contains(policy.Arn)),
        ["IsAttachable"] = true,
        ["CreateDate"] = JsonValue.Create(policy.Created),
        ["UpdateDate"] = JsonValue.Create(policy.Created),
    };
}
