using System.Text.Json;
using System.Text.Json.Nodes;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>
/// KMS, as far as Tocsin reads it: keys, aliases and key policies (CreateKey, CreateAlias, DescribeKey, GetKeyPolicy,
/// PutKeyPolicy). Keys are found in the caller's account and region, by key id, key ARN, alias name or alias ARN.
/// </summary>
internal static class KmsService
{
    public static readonly ServiceDefinition Definition = new(
        "kms", "kms", WireProtocol.Json, "TrentService", "1.1", null,
        new Dictionary<string, Operation>
        {
            ["CreateKey"] = CreateKey,
            ["CreateAlias"] = CreateAlias,
            ["DescribeKey"] = call => new JsonObject { ["KeyMetadata"] = Metadata(Find(call, call.Input.Required("KeyId"))) },
            ["GetKeyPolicy"] = GetKeyPolicy,
            ["PutKeyPolicy"] = PutKeyPolicy,
        });

    public static KmsKey Create(RegionState here, DateTimeOffset now, string? policy)
    {
        var key = new KmsKey(here.AccountId, here.Region, Guid.NewGuid().ToString(), now) { Policy = policy ?? KmsKey.DefaultPolicy(here.AccountId) };
        here.Keys[key.KeyId] = key;
        return key;
    }

    private static JsonObject CreateKey(CallContext call)
    {
        var policy = call.Input.Str("Policy");
        if (policy is not null)
        {
            CheckPolicy(policy);
        }

        var key = Create(call.Here, call.Now, policy);
        key.Description = call.Input.Str("Description") ?? string.Empty;
        return new JsonObject { ["KeyMetadata"] = Metadata(key) };
    }

    private static JsonObject? CreateAlias(CallContext call)
    {
        var alias = call.Input.Required("AliasName");
        if (!alias.StartsWith("alias/", StringComparison.Ordinal) || alias.StartsWith("alias/aws/", StringComparison.Ordinal) || alias.Length <= "alias/".Length)
        {
            throw new AwsError("InvalidAliasNameException", $"Alias must start with the prefix \"alias/\" and may not begin with \"alias/aws/\": {alias}");
        }

        if (call.Here.Aliases.ContainsKey(alias))
        {
            throw new AwsError("AlreadyExistsException", $"An alias with the name arn:aws:kms:{call.Region}:{call.Account.Id}:{alias} already exists");
        }

        call.Here.Aliases[alias] = Find(call, call.Input.Required("TargetKeyId")).KeyId;
        return null;
    }

    private static JsonObject GetKeyPolicy(CallContext call)
    {
        var key = Find(call, call.Input.Required("KeyId"), aliasesAllowed: false);
        var name = PolicyName(call);
        return new JsonObject { ["Policy"] = key.Policy, ["PolicyName"] = name };
    }

    private static JsonObject? PutKeyPolicy(CallContext call)
    {
        var key = Find(call, call.Input.Required("KeyId"), aliasesAllowed: false);
        PolicyName(call);
        var policy = call.Input.Required("Policy");
        CheckPolicy(policy);
        key.Policy = policy;
        return null;
    }

    private static string PolicyName(CallContext call)
    {
        var name = call.Input.Str("PolicyName") ?? "default";
        return name == "default" ? name : throw new AwsError("NotFoundException", $"Policy {name} is not found.");
    }

    private static void CheckPolicy(string policy)
    {
        try
        {
            using var document = JsonDocument.Parse(policy);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("Statement", out _))
            {
                throw new AwsError("MalformedPolicyDocumentException", "The policy has no Statement.");
            }
        }
        catch (JsonException)
        {
            throw new AwsError("MalformedPolicyDocumentException", "The policy is not valid JSON.");
        }
    }

    /// <summary>The key named by a key id, key ARN, alias name or alias ARN, in the caller's account and region.</summary>
    private static KmsKey Find(CallContext call, string keyId, bool aliasesAllowed = true)
    {
        var prefix = $"arn:aws:kms:{call.Region}:{call.Account.Id}:";
        var name = keyId.StartsWith(prefix, StringComparison.Ordinal) ? keyId[prefix.Length..] : keyId;
        if (name.StartsWith("alias/", StringComparison.Ordinal))
        {
            if (!aliasesAllowed)
            {
                throw new AwsError("InvalidArnException", $"{keyId} is not a valid key id or key ARN.");
            }

            return call.Here.Aliases.TryGetValue(name, out var target) && call.Here.Keys.TryGetValue(target, out var aliased)
                ? aliased
                : throw new AwsError("NotFoundException", $"Alias {prefix}{name} is not found.");
        }

        var id = name.StartsWith("key/", StringComparison.Ordinal) ? name["key/".Length..] : name;
        return call.Here.Keys.TryGetValue(id, out var key)
            ? key
            : throw new AwsError("NotFoundException", $"Key '{prefix}key/{id}' does not exist");
    }

    private static JsonObject Metadata(KmsKey key) => new()
    {
        ["AWSAccountId"] = key.AccountId,
        ["KeyId"] = key.KeyId,
        ["Arn"] = key.Arn,
        ["CreationDate"] = key.Created.ToUnixTimeMilliseconds() / 1000.0,
        ["Enabled"] = true,
        ["Description"] = key.Description,
        ["KeyUsage"] = "ENCRYPT_DECRYPT",
        ["KeyState"] = "Enabled",
        ["Origin"] = "AWS_KMS",
        ["KeyManager"] = key.KeyManager,
        ["CustomerMasterKeySpec"] = "SYMMETRIC_DEFAULT",
        ["KeySpec"] = "SYMMETRIC_DEFAULT",
        ["EncryptionAlgorithms"] = new JsonArray("SYMMETRIC_DEFAULT"),
        ["MultiRegion"] = false,
    };
}
