using System.Text.Json.Nodes;

namespace Tocsin.Iac.CloudFormation;

/// <summary>
/// The access policy SNS gives a topic created without one: any principal of the owning account, CloudWatch
/// alarms of that account included, may publish.
/// </summary>
internal static class DefaultTopicPolicy
{
    public static string For(string topicArn, string accountId) => new JsonObject
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
}
