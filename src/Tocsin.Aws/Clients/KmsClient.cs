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
}
