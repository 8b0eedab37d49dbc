namespace Tocsin.Emulator.State;

/// <summary>A KMS key: its identity and its one key policy (named <c>default</c>, as KMS names every key policy).</summary>
public sealed class KmsKey(string accountId, string region, string keyId, DateTimeOffset created)
{
    public string AccountId { get; } = accountId;

    public string Region { get; } = region;

    public string KeyId { get; } = keyId;

    public string Arn => $"arn:aws:kms:{Region}:{AccountId}:key/{KeyId}";

    public DateTimeOffset Created { get; } = created;

    public string Description { get; set; } = string.Empty;

    /// <summary><c>CUSTOMER</c> for keys made with CreateKey.</summary>
    public string KeyManager { get; init; } = "CUSTOMER";

    public string Policy { get; set; } = string.Empty;

    /// <summary>KMS's default key policy: the account (through IAM) may do anything with the key; no service may.</summary>
    public static string DefaultPolicy(string accountId) =>
        "{\"Version\":\"2012-10-17\",\"Id\":\"key-default-1\",\"Statement\":[{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\","
        + $"\"Principal\":{{\"AWS\":\"arn:aws:iam::{accountId}:root\"}},\"Action\":\"kms:*\",\"Resource\":\"*\"}}]}}";

    /// <summary>The default policy plus the statement AWS documents for CloudWatch alarms publishing to an encrypted topic.</summary>
    public static string CloudWatchMayUse(string accountId) =>
        "{\"Version\":\"2012-10-17\",\"Id\":\"key-default-1\",\"Statement\":[{\"Sid\":\"Enable IAM User Permissions\",\"Effect\":\"Allow\","
        + $"\"Principal\":{{\"AWS\":\"arn:aws:iam::{accountId}:root\"}},\"Action\":\"kms:*\",\"Resource\":\"*\"}},"
        + "{\"Sid\":\"Allow_CloudWatch_for_CMK\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"cloudwatch.amazonaws.com\"]},"
        + "\"Action\":[\"kms:Decrypt\",\"kms:GenerateDataKey*\"],\"Resource\":\"*\"}]}";
}
