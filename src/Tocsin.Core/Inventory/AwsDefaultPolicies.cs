using System.Text.Json.Nodes;

namespace Tocsin.Core.Inventory;

/// <summary>
/// The policies AWS gives a topic or a key created without one. Sources that read code (a topic with no topic policy)
/// and the remediation planner (a topic it creates) stand them in for what AWS will hold.
/// </summary>
public static class AwsDefaultPolicies
{
    /// <summary>SNS's default topic policy: principals of the owning account (same-account CloudWatch alarms among them) may publish.</summary>
    public static string Topic(string topicArn, string accountId) => new JsonObject
    {
        ["Version"] = "2008-10-17",
        ["Id"] = "__default_policy_ID",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Sid"] = "__default_statement_ID",
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["AWS"] = "*" },
            ["Action"] = new JsonArray("SNS:GetTopicAttributes", "SNS:SetTopicAttributes", "SNS:AddPermission", "SNS:RemovePermission", "SNS:DeleteTopic", "SNS:Subscribe", "SNS:ListSubscriptionsByTopic", "SNS:Publish"),
            ["Resource"] = topicArn,
            ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["AWS:SourceOwner"] = accountId } },
        }),
    }.ToJsonString();

    /// <summary>KMS's default key policy: only the account's IAM principals, so no service such as CloudWatch, may use the key.</summary>
    public static string Key(string accountId) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Id"] = "key-default-1",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Sid"] = "Enable IAM User Permissions",
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["AWS"] = $"arn:aws:iam::{accountId}:root" },
            ["Action"] = "kms:*",
            ["Resource"] = "*",
        }),
    }.ToJsonString();
}
