using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tocsin.Remediation.Planning;

/// <summary>
/// The policy documents a plan writes, and the merge that adds one statement to a policy without dropping the others
/// (SetTopicAttributes, PutKeyPolicy and PutBucketPolicy replace the whole document).
/// </summary>
public static class PolicyDocuments
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>The ARN partition of a region: aws, aws-cn or aws-us-gov.</summary>
    public static string PartitionOf(string region) =>
        region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
        : "aws";

    /// <summary>Lets CloudWatch alarms of <paramref name="accountId"/> publish to the topic (scoped with aws:SourceAccount).</summary>
    public static JsonObject TopicPublishStatement(string topicArn, string accountId) => new()
    {
        ["Sid"] = Plans.AllowCloudWatchToPublish.StatementId,
        ["Effect"] = "Allow",
        ["Principal"] = new JsonObject { ["Service"] = "cloudwatch.amazonaws.com" },
        ["Action"] = "sns:Publish",
        ["Resource"] = topicArn,
        ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = accountId } },
    };

    /// <summary>
    /// Lets EventBridge rules of <paramref name="accountId"/> publish to the topic (scoped with aws:SourceAccount): the
    /// rules' SNS targets deliver as <c>events.amazonaws.com</c> when they carry no role.
    /// </summary>
    public static JsonObject EventBridgePublishStatement(string topicArn, string accountId) => new()
    {
        ["Sid"] = Plans.AllowEventBridgeToPublish.StatementId,
        ["Effect"] = "Allow",
        ["Principal"] = new JsonObject { ["Service"] = "events.amazonaws.com" },
        ["Action"] = "sns:Publish",
        ["Resource"] = topicArn,
        ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["aws:SourceAccount"] = accountId } },
    };

    /// <summary>Lets EventBridge use a customer managed key that encrypts a rule's topic (SNS asks KMS on the publisher's behalf).</summary>
    public static JsonObject EventBridgeKeyUseStatement() => new()
    {
        ["Sid"] = Plans.AllowEventBridgeToUseKey.StatementId,
        ["Effect"] = "Allow",
        ["Principal"] = new JsonObject { ["Service"] = "events.amazonaws.com" },
        ["Action"] = new JsonArray("kms:Decrypt", "kms:GenerateDataKey*"),
        ["Resource"] = "*",
    };

    /// <summary>True when the policy already holds a statement equal to <paramref name="statement"/> (so adding it changes nothing).</summary>
    public static bool HasStatement(string? policy, JsonObject statement)
    {
        if (string.IsNullOrWhiteSpace(policy))
        {
            return false;
        }

        try
        {
            var statements = JsonNode.Parse(policy)?["Statement"] switch
            {
                JsonArray array => array.ToList(),
                JsonObject single => [single],
                _ => [],
            };
            return statements.Any(s => JsonNode.DeepEquals(s, statement));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Lets CloudWatch use a customer managed key that encrypts an alarm topic (not conditioned: AWS documents none).</summary>
    public static JsonObject KeyUseStatement() => new()
    {
        ["Sid"] = Plans.AllowCloudWatchToUseKey.StatementId,
        ["Effect"] = "Allow",
        ["Principal"] = new JsonObject { ["Service"] = "cloudwatch.amazonaws.com" },
        ["Action"] = new JsonArray("kms:Decrypt", "kms:GenerateDataKey*"),
        ["Resource"] = "*",
    };

    /// <summary>The policy of a new customer managed key: the account administers it, CloudWatch may use it.</summary>
    public static string NewKeyPolicy(string accountId, string partition) => Serialize(new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(
            new JsonObject
            {
                ["Sid"] = "EnableAccountAdministration",
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["AWS"] = $"arn:{partition}:iam::{accountId}:root" },
                ["Action"] = "kms:*",
                ["Resource"] = "*",
            },
            KeyUseStatement()),
    });

    /// <summary>The trust policy of the role CloudTrail assumes to write to CloudWatch Logs.</summary>
    public static string CloudTrailTrustPolicy() => Serialize(new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = new JsonObject { ["Service"] = "cloudtrail.amazonaws.com" },
            ["Action"] = "sts:AssumeRole",
        }),
    });

    /// <summary>
    /// CreateLogStream and PutLogEvents on the trail's log streams only (<c>ACCOUNT_CloudTrail_REGION*</c>, and
    /// <c>o-ORGID_*</c> for an organization trail), as CloudTrail's documentation gives them.
    /// </summary>
    public static string LogDeliveryPolicy(string partition, string region, string accountId, string logGroupName, string? organizationId)
    {
        var streams = new JsonArray($"arn:{partition}:logs:{region}:{accountId}:log-group:{logGroupName}:log-stream:{accountId}_CloudTrail_{region}*");
        if (organizationId is not null)
        {
            // As a JsonNode: JsonArray.Add<T> would wrap the string through reflection, which native AOT cannot do.
            streams.Add((JsonNode)$"arn:{partition}:logs:{region}:{accountId}:log-group:{logGroupName}:log-stream:{organizationId}_*");
        }

        return Serialize(new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Sid"] = "CloudTrailWritesItsLogStreams",
                ["Effect"] = "Allow",
                ["Action"] = new JsonArray("logs:CreateLogStream", "logs:PutLogEvents"),
                ["Resource"] = streams,
            }),
        });
    }

    /// <summary>The bucket policy a new account trail needs, scoped to that trail with aws:SourceArn.</summary>
    public static string TrailBucketPolicy(string partition, string bucket, string accountId, string trailArn) => Serialize(new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(
            new JsonObject
            {
                ["Sid"] = "AWSCloudTrailAclCheck20150319",
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Service"] = "cloudtrail.amazonaws.com" },
                ["Action"] = "s3:GetBucketAcl",
                ["Resource"] = $"arn:{partition}:s3:::{bucket}",
                ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["aws:SourceArn"] = trailArn } },
            },
            new JsonObject
            {
                ["Sid"] = "AWSCloudTrailWrite20150319",
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["Service"] = "cloudtrail.amazonaws.com" },
                ["Action"] = "s3:PutObject",
                ["Resource"] = $"arn:{partition}:s3:::{bucket}/AWSLogs/{accountId}/*",
                ["Condition"] = new JsonObject
                {
                    ["StringEquals"] = new JsonObject { ["s3:x-amz-acl"] = "bucket-owner-full-control", ["aws:SourceArn"] = trailArn },
                },
            }),
    });

    /// <summary>
    /// <paramref name="policy"/> with <paramref name="statement"/> added: a statement with the same Sid is replaced,
    /// every other statement kept as it was. A missing or empty policy starts from <paramref name="whenNone"/>.
    /// </summary>
    /// <exception cref="JsonException">The existing policy is not a JSON object.</exception>
    public static string WithStatement(string? policy, JsonObject statement, string whenNone)
    {
        var document = JsonNode.Parse(string.IsNullOrWhiteSpace(policy) ? whenNone : policy) as JsonObject
            ?? throw new JsonException("the policy is not a JSON object");
        var statements = document["Statement"] switch
        {
            JsonArray array => array,
            JsonObject single => new JsonArray(single.DeepClone()),
            _ => [],
        };
        var sid = statement["Sid"]?.GetValue<string>();
        var kept = statements.Where(s => sid is null || s?["Sid"]?.GetValue<string>() != sid).Select(s => s?.DeepClone()).ToList();
        kept.Add(statement.DeepClone());
        document["Statement"] = new JsonArray([.. kept]);
        document["Version"] ??= "2012-10-17";
        return Serialize(document);
    }

    public static string Serialize(JsonNode node) => node.ToJsonString(Compact);
}
