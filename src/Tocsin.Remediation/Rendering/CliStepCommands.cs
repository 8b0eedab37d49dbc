using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Rendering;

/// <summary>
/// The AWS CLI lines for one step. Every call passes <c>--region</c> and its input as one <c>--cli-input-json</c>
/// document: the same on CLI v1 and v2, and a value starting with <c>file://</c> or <c>https://</c> is never fetched
/// the way CLI v1 treats such a value given as a plain flag. Creates look first and skip what exists.
/// </summary>
internal sealed class CliStepCommands(string aws)
{
    // Readable documents: quotes and ampersands as they are (the whole document is one single-quoted word anyway).
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The script's wrapper, which adds <c>--endpoint-url</c> when AWS_ENDPOINT_URL is set.</summary>
    public const string ScriptCommand = "aws_cli";

    /// <summary>The plain command, for commands quoted in other formats' notes.</summary>
    public const string PlainCommand = "aws";

    public IReadOnlyList<string> Lines(PlanStep step) => step switch
    {
        CreateTrailBucket s => CreateBucket(s),
        CreateTrail s => CreateTrail(s),
        StartLogging s => [Call(s, "cloudtrail start-logging", new JsonObject { ["Name"] = s.TrailName })],
        MakeTrailMultiRegion s => MakeMultiRegion(s),
        RecordManagementEvents s => [Call(s, "cloudtrail put-event-selectors", CliInputs.EventSelectors(s))],
        CreateLogGroup s => CreateLogGroup(s),
        CreateLogDeliveryRole s => CreateRole(s),
        DeliverTrailToLogs s => DeliverToLogs(s),
        PutMetricFilter s => PutMetricFilter(s),
        CreateTopic s => [Call(s, "sns create-topic", new JsonObject { ["Name"] = s.TopicName }) + Silenced],
        AllowCloudWatchToPublish s => [Call(s, "sns set-topic-attributes", new JsonObject { ["TopicArn"] = s.TopicArn, ["AttributeName"] = "Policy", ["AttributeValue"] = s.Policy })],
        AllowCloudWatchToUseKey s => [Call(s, "kms put-key-policy", new JsonObject { ["KeyId"] = s.KeyId, ["PolicyName"] = "default", ["Policy"] = s.Policy })],
        EncryptTopicWithNewKey s => EncryptTopic(s),
        Subscribe s => Subscribe(s),
        PutAlarm s => [Call(s, "cloudwatch put-metric-alarm", CliInputs.Alarm(s.Settings))],
        EnableAlarmActions s => [Call(s, "cloudwatch enable-alarm-actions", new JsonObject { ["AlarmNames"] = new JsonArray(s.AlarmName) })],
        PutEventRule s => [Call(s, "events put-rule", EventRuleInput(s)) + Silenced],
        PutEventTarget s => PutTargets(s),
        AllowEventBridgeToPublish s => [Call(s, "sns set-topic-attributes", new JsonObject { ["TopicArn"] = s.TopicArn, ["AttributeName"] = "Policy", ["AttributeValue"] = s.Policy })],
        AllowEventBridgeToUseKey s => [Call(s, "kms put-key-policy", new JsonObject { ["KeyId"] = s.KeyId, ["PolicyName"] = "default", ["Policy"] = s.Policy })],
        ManualStep s => [$"note {ShellWords.Quote($"By hand, in account {s.AccountId} ({s.Region}): {s.What}")}"],
        _ => throw new ArgumentException($"no CLI form for step {step.GetType().Name}", nameof(step)),
    };

    /// <summary>Output of a create the script does not need; kept in a quoted command, where the reader wants it.</summary>
    private string Silenced => aws == ScriptCommand ? " >/dev/null" : "";

    private string Retried => aws == ScriptCommand ? "retry_while_role_propagates " : "";

    /// <summary>SetTopicAttributes KmsMasterKeyId: the topic switched to the new key, named by its alias.</summary>
    public string EncryptWithAlias(EncryptTopicWithNewKey s) =>
        Call(s, "sns set-topic-attributes", new JsonObject { ["TopicArn"] = s.TopicArn, ["AttributeName"] = "KmsMasterKeyId", ["AttributeValue"] = s.KeyAlias });

    /// <summary>One call: the service and operation, the step's region, and the input document as one quoted word.</summary>
    public string Call(PlanStep step, string operation, JsonObject input) =>
        $"{aws} {operation} --region {ShellWords.Quote(step.Region)} --cli-input-json {ShellWords.Quote(input.ToJsonString(Readable))}";

    private IReadOnlyList<string> IfMissing(string lookup, string exists, IEnumerable<string> create) =>
    [
        $"if {lookup} >/dev/null 2>&1; then",
        $"  note {ShellWords.Quote(exists)}",
        "else",
        .. create.Select(line => "  " + line),
        "fi",
    ];

    /// <summary>PutRule's input: the rule on the default bus with its pattern and state (PutRule overwrites a rule of that name).</summary>
    public static JsonObject EventRuleInput(PutEventRule s) => new()
    {
        ["Name"] = s.RuleName,
        ["EventPattern"] = s.EventPattern,
        ["State"] = s.State,
        ["Description"] = s.Description,
        ["EventBusName"] = PutEventRule.DefaultBus,
    };

    /// <summary>PutTargets' input: one SNS target that receives the matched event, delivered as EventBridge itself.</summary>
    public static JsonObject EventTargetInput(PutEventTarget s) => new()
    {
        ["Rule"] = s.RuleName,
        ["EventBusName"] = PutEventRule.DefaultBus,
        ["Targets"] = new JsonArray(new JsonObject { ["Id"] = s.TargetId, ["Arn"] = s.TopicArn }),
    };

    // PutTargets answers success with FailedEntryCount > 0 when a target is refused: the script checks it.
    private IReadOnlyList<string> PutTargets(PutEventTarget s)
    {
        var put = Call(s, "events put-targets", EventTargetInput(s));
        if (aws != ScriptCommand)
        {
            return [put];
        }

        return
        [
            $"failed=\"$({put} --query FailedEntryCount --output text)\"",
            "if [ \"$failed\" != 0 ]; then",
            $"  note {ShellWords.Quote($"EventBridge refused target {s.TargetId} of rule {s.RuleName}")}",
            "  exit 1",
            "fi",
        ];
    }

    private IReadOnlyList<string> CreateBucket(CreateTrailBucket s)
    {
        var create = new JsonObject { ["Bucket"] = s.BucketName };
        if (s.Region != "us-east-1")
        {
            create["CreateBucketConfiguration"] = new JsonObject { ["LocationConstraint"] = s.Region };
        }

        return
        [
            .. IfMissing(Call(s, "s3api head-bucket", new JsonObject { ["Bucket"] = s.BucketName }), $"bucket {s.BucketName} exists", [Call(s, "s3api create-bucket", create) + Silenced]),
            Call(s, "s3api put-bucket-policy", new JsonObject { ["Bucket"] = s.BucketName, ["Policy"] = s.BucketPolicy }),
        ];
    }

    private IReadOnlyList<string> CreateTrail(CreateTrail s) => IfMissing(
        Call(s, "cloudtrail get-trail", new JsonObject { ["Name"] = s.TrailName }),
        $"trail {s.TrailName} exists",
        [
            Retried + Call(s, "cloudtrail create-trail", new JsonObject
            {
                ["Name"] = s.TrailName,
                ["S3BucketName"] = s.BucketName,
                ["IsMultiRegionTrail"] = true,
                ["IncludeGlobalServiceEvents"] = true,
                ["CloudWatchLogsLogGroupArn"] = s.LogGroupArn,
                ["CloudWatchLogsRoleArn"] = s.RoleArn,
            }) + Silenced,
        ]);

    // A multi-region trail must record global service events (AWS rejects the pair otherwise), so both are set.
    private IReadOnlyList<string> MakeMultiRegion(MakeTrailMultiRegion s) =>
        [Call(s, "cloudtrail update-trail", new JsonObject { ["Name"] = s.TrailName, ["IsMultiRegionTrail"] = true, ["IncludeGlobalServiceEvents"] = true }) + Silenced];

    private IReadOnlyList<string> CreateLogGroup(CreateLogGroup s)
    {
        var lookup = Call(s, "logs describe-log-groups", new JsonObject { ["logGroupNamePrefix"] = s.LogGroupName })
            + $" --query {ShellWords.Quote($"length(logGroups[?logGroupName=={ShellWords.JmesPathLiteral(s.LogGroupName)}])")} --output text";
        return
        [
            $"found=\"$({lookup})\"",
            "if [ \"$found\" != 0 ]; then",
            $"  note {ShellWords.Quote($"log group {s.LogGroupName} exists")}",
            "else",
            "  " + Call(s, "logs create-log-group", new JsonObject { ["logGroupName"] = s.LogGroupName }),
            "fi",
        ];
    }

    private IReadOnlyList<string> CreateRole(CreateLogDeliveryRole s) =>
    [
        .. IfMissing(
            Call(s, "iam get-role", new JsonObject { ["RoleName"] = s.RoleName }),
            $"role {s.RoleName} exists",
            [Call(s, "iam create-role", new JsonObject { ["RoleName"] = s.RoleName, ["AssumeRolePolicyDocument"] = s.TrustPolicy }) + Silenced]),
        Call(s, "iam put-role-policy", new JsonObject { ["RoleName"] = s.RoleName, ["PolicyName"] = s.PolicyName, ["PolicyDocument"] = s.RolePolicy }),
    ];

    private IReadOnlyList<string> DeliverToLogs(DeliverTrailToLogs s) =>
    [
        Retried + Call(s, "cloudtrail update-trail", new JsonObject
        {
            ["Name"] = s.TrailName,
            ["CloudWatchLogsLogGroupArn"] = s.LogGroupArn,
            ["CloudWatchLogsRoleArn"] = s.RoleArn,
        }) + Silenced,
    ];

    private IReadOnlyList<string> PutMetricFilter(PutMetricFilter s)
    {
        var put = Call(s, "logs put-metric-filter", new JsonObject
        {
            ["logGroupName"] = s.LogGroupName,
            ["filterName"] = s.FilterName,
            ["filterPattern"] = s.Pattern,
            ["metricTransformations"] = new JsonArray(new JsonObject { ["metricName"] = s.MetricName, ["metricNamespace"] = s.MetricNamespace, ["metricValue"] = "1" }),
        });
        return s.Warning is null ? [put] : [$"# {ShellWords.Comment(s.Warning)}", put];
    }

    private IReadOnlyList<string> EncryptTopic(EncryptTopicWithNewKey s)
    {
        var describe = Call(s, "kms describe-key", new JsonObject { ["KeyId"] = s.KeyAlias }) + " --query KeyMetadata.Arn --output text";
        var create = Call(s, "kms create-key", new JsonObject { ["Description"] = $"Encrypts SNS topic {s.TopicArn} so CloudWatch alarms can publish to it", ["Policy"] = s.KeyPolicy })
            + " --query KeyMetadata.Arn --output text";
        return
        [
            $"if {describe} >/dev/null 2>&1; then",
            $"  note {ShellWords.Quote($"key {s.KeyAlias} exists")}",
            "else",
            $"  key_arn=\"$({create})\"",
            $"  {aws} kms create-alias --region {ShellWords.Quote(s.Region)} --alias-name {ShellWords.Quote(s.KeyAlias)} --target-key-id \"$key_arn\"",
            "fi",
            EncryptWithAlias(s),
        ];
    }

    private IReadOnlyList<string> Subscribe(Subscribe s)
    {
        var query = $"length(Subscriptions[?Protocol=={ShellWords.JmesPathLiteral(s.Protocol)} && Endpoint=={ShellWords.JmesPathLiteral(s.Endpoint)}])";
        var lookup = Call(s, "sns list-subscriptions-by-topic", new JsonObject { ["TopicArn"] = s.TopicArn }) + $" --query {ShellWords.Quote(query)} --output text";
        List<string?> lines =
        [
            $"found=\"$({lookup})\"",
            "if [ \"$found\" != 0 ]; then",
            $"  note {ShellWords.Quote($"{s.Protocol} {s.Endpoint} is already subscribed")}",
            "else",
            "  " + Call(s, "sns subscribe", new JsonObject { ["TopicArn"] = s.TopicArn, ["Protocol"] = s.Protocol, ["Endpoint"] = s.Endpoint }) + Silenced,
            s.NeedsConfirmation ? $"  note {ShellWords.Quote($"{s.Endpoint} must confirm the subscription from the message SNS sent before alarms reach it")}" : null,
            "fi",
        ];
        return lines.OfType<string>().ToList();
    }
}
