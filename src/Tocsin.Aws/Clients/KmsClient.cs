using System.Text.Json.Nodes;
using Tocsin.Aws.Http;

namespace Tocsin.Aws.Clients;

/// <summary>DescribeKey: what Tocsin needs to know of a key before reading its policy.</summary>
/// <param name="Arn">The key ARN (an alias resolves to the key it points at).</param>
/// <param name="KeyManager"><c>CUSTOMER</c> or <c>AWS</c> (an AWS managed key such as <c>aws/sns</c>).</param>
public sealed record KeyDescription(string Arn, string? KeyManager);

/// <summary>KMS over awsJson1_1 (target prefix TrentService).</summary>
public sealed class KmsClient(AwsSession session)
{
    private const string Target = "TrentService";

    /// <summary>Describes a key named by key id, key ARN, alias name or alias ARN.</summary>
    [RequiresPermission("kms:DescribeKey")]
    public async Task<KeyDescription> DescribeKeyAsync(string region, string keyId, CancellationToken cancellationToken)
    {
        var reply = await session.JsonAsync(AwsService.Kms, region, Target, "DescribeKey", new JsonObject { ["KeyId"] = keyId }, cancellationToken);
        var metadata = reply["KeyMetadata"];
        return new KeyDescription(metadata.Str("Arn") ?? keyId, metadata.Str("KeyManager"));
    }

    /// <summary>The key policy JSON of a key (by key id or key ARN; KMS does not take an alias here).</summary>
    [RequiresPermission("kms:GetKeyPolicy")]
    public async Task<string?> GetKeyPolicyAsync(string region, string keyId, CancellationToken cancellationToken)
    {
        var input = new JsonObject { ["KeyId"] = keyId, ["PolicyName"] = "default" };
        var reply = await session.JsonAsync(AwsService.Kms, region, Target, "GetKeyPolicy", input, cancellationToken);
        return reply.Str("Policy");
    }

    /// <summary>A symmetric customer managed key with <paramref name="policy"/>; returns its key id.</summary>
    [RequiresPermission("kms:CreateKey", ForApply = true)]
    public async Task<string> CreateKeyAsync(string region, string policy, string description, CancellationToken cancellationToken)
    {
        var input = new JsonObject { ["Policy"] = policy, ["Description"] = description, ["KeyUsage"] = "ENCRYPT_DECRYPT", ["KeySpec"] = "SYMMETRIC_DEFAULT" };
        var reply = await session.JsonAsync(AwsService.Kms, region, Target, "CreateKey", input, cancellationToken);
        return reply["KeyMetadata"].Str("KeyId") ?? throw new Protocols.AwsProtocolException("kms:CreateKey: the reply has no KeyId");
    }

    [RequiresPermission("kms:CreateAlias", ForApply = true)]
    public async Task CreateAliasAsync(string region, string aliasName, string keyId, CancellationToken cancellationToken) =>
        await session.JsonAsync(AwsService.Kms, region, Target, "CreateAlias", new JsonObject { ["AliasName"] = aliasName, ["TargetKeyId"] = keyId }, cancellationToken);

    /// <summary>Replaces the key's policy (the only policy name KMS has is <c>default</c>).</summary>
    [RequiresPermission("kms:PutKeyPolicy", ForApply = true)]
    public async Task PutKeyPolicyAsync(string region, string keyId, string policy, CancellationToken cancellationToken) =>
        await session.JsonAsync(AwsService.Kms, region, Target, "PutKeyPolicy", new JsonObject { ["KeyId"] = keyId, ["PolicyName"] = "default", ["Policy"] = policy }, cancellationToken);
}
