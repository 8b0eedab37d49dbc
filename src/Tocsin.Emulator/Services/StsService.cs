using System.Net;
using System.Text.Json.Nodes;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>
/// STS: who am I, and AssumeRole. A role can be assumed when it exists in the target account and trusts the
/// caller's account (scenario <c>trustedAccounts</c>, or the accounts named in a CreateRole trust policy);
/// every member account also has <c>OrganizationAccountAccessRole</c> trusting the management account.
/// </summary>
internal static class StsService
{
    public const string OrganizationRole = "OrganizationAccountAccessRole";

    public static readonly ServiceDefinition Definition = new(
        "sts", "sts", WireProtocol.Query, null, null, "https://sts.amazonaws.com/doc/2011-06-15/",
        new Dictionary<string, Operation>
        {
            ["GetCallerIdentity"] = GetCallerIdentity,
            ["AssumeRole"] = AssumeRole,
        });

    private static JsonObject GetCallerIdentity(CallContext call) => new()
    {
        ["UserId"] = call.Caller.UserId,
        ["Account"] = call.Caller.AccountId,
        ["Arn"] = call.Caller.PrincipalArn,
    };

    private static JsonObject AssumeRole(CallContext call)
    {
        var roleArn = call.Input.Required("RoleArn");
        var sessionName = call.Input.Required("RoleSessionName");
        var duration = call.Input.Int("DurationSeconds") ?? 3600;
        if (duration is < 900 or > 43200)
        {
            throw new AwsError("ValidationError", $"1 validation error detected: Value '{duration}' at 'durationSeconds' failed to satisfy constraint: Member must have value between 900 and 43200");
        }

        var parts = roleArn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "iam" || !parts[5].StartsWith("role/", StringComparison.Ordinal))
        {
            throw new AwsError("ValidationError", $"{roleArn} is invalid");
        }

        var targetAccount = parts[4];
        var roleName = parts[5][(parts[5].LastIndexOf('/') + 1)..];
        var role = FindAssumableRole(call.State, targetAccount, roleName, call.Caller.AccountId)
            ?? throw new AwsError("AccessDenied", $"User: {call.Caller.PrincipalArn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}", HttpStatusCode.Forbidden);

        var expiration = call.Now.AddSeconds(duration);
        var assumedArn = $"arn:aws:sts::{targetAccount}:assumed-role/{role.Name}/{sessionName}";
        var key = new AccessKey(
            EmulatorState.NewId("ASIA", 16),
            EmulatorState.NewSecret(40),
            targetAccount,
            assumedArn,
            $"{role.RoleId}:{sessionName}",
            EmulatorState.NewSecret(40) + EmulatorState.NewSecret(40),
            expiration);
        call.State.Keys[key.Id] = key;

        return new JsonObject
        {
            ["Credentials"] = new JsonObject
            {
                ["AccessKeyId"] = key.Id,
                ["SecretAccessKey"] = key.Secret,
                ["SessionToken"] = key.SessionToken,
                ["Expiration"] = JsonValue.Create(expiration),
            },
            ["AssumedRoleUser"] = new JsonObject
            {
                ["AssumedRoleId"] = key.UserId,
                ["Arn"] = assumedArn,
            },
            ["PackedPolicySize"] = 0,
        };
    }

    private static Role? FindAssumableRole(EmulatorState state, string accountId, string roleName, string callerAccount)
    {
        var account = state.Account(accountId);
        if (account is null)
        {
            return null;
        }

        if (account.Roles.TryGetValue(roleName, out var role))
        {
            return role.TrustedAccounts.Contains("*") || role.TrustedAccounts.Contains(callerAccount) ? role : null;
        }

        var organization = state.Organization;
        if (roleName == OrganizationRole && organization is not null && callerAccount == organization.ManagementAccountId && accountId != callerAccount && account.IsOrganizationMember)
        {
            // AWS creates this role in every account the organization creates; the emulator assumes it exists.
            var implicitRole = new Role(accountId, roleName, EmulatorState.NewId("AROA", 17), state.Now);
            implicitRole.TrustedAccounts.Add(callerAccount);
            account.Roles[roleName] = implicitRole;
            return implicitRole;
        }

        return null;
    }
}
