using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Rendering;

/// <summary>
/// The blocks of each step. Values are literals (ARNs and names as the plan has them); ordering between things this
/// file creates is <c>depends_on</c>, looked up by what a later step names (a bucket, log group, role, topic, trail).
/// </summary>
internal sealed class TerraformSteps(RemediationPlan plan)
{
    private readonly Dictionary<string, string> _created = new(StringComparer.Ordinal);
    private readonly HashSet<string> _labels = new(StringComparer.Ordinal);
    private readonly CliStepCommands _commands = new(CliStepCommands.PlainCommand);

    public void Write(PlanStep step, TextWriter output)
    {
        switch (step)
        {
            case CreateTrailBucket s:
                var bucket = Resource(s, "aws_s3_bucket", "bucket", s.BucketName).SetString("bucket", s.BucketName);
                var bucketPolicy = Resource(s, "aws_s3_bucket_policy", "bucket", s.BucketName).SetString("bucket", s.BucketName).SetString("policy", s.BucketPolicy);
                DependsOn(bucketPolicy, Address(bucket));
                Emit(output, bucket);
                Emit(output, bucketPolicy, $"bucket:{s.AccountId}:{s.BucketName}");
                break;
            case CreateTrail s:
                var trail = Resource(s, "aws_cloudtrail", "trail", s.TrailName)
                    .SetString("name", s.TrailName)
                    .SetString("s3_bucket_name", s.BucketName)
                    .Set("is_multi_region_trail", "true")
                    .Set("include_global_service_events", "true")
                    .Set("enable_logging", "true")
                    .SetString("cloud_watch_logs_group_arn", s.LogGroupArn)
                    .SetString("cloud_watch_logs_role_arn", s.RoleArn);
                DependsOn(trail, Find($"bucket:{s.AccountId}:{s.BucketName}"), Find($"log-group:{s.AccountId}:{s.Region}:{LogGroupName(s.LogGroupArn)}"), Find($"role:{s.RoleArn}"));
                Emit(output, trail, $"trail:{s.TrailArn}");
                break;
            case StartLogging s when _created.ContainsKey($"trail:{s.TrailArn}"):
                output.WriteLine($"# The new trail above starts logging: enable_logging = true.");
                break;
            case StartLogging or MakeTrailMultiRegion or RecordManagementEvents or DeliverTrailToLogs:
                Command(output, step, "Terraform cannot change an existing trail without managing all of it (aws_cloudtrail needs the trail's bucket and every other setting, which the plan does not carry). Run with this account's credentials:", _commands.Lines(step));
                break;
            case CreateLogGroup s:
                Emit(output, Resource(s, "aws_cloudwatch_log_group", "log_group", s.LogGroupName).SetString("name", s.LogGroupName), $"log-group:{s.AccountId}:{s.Region}:{s.LogGroupName}");
                break;
            case CreateLogDeliveryRole s:
                var role = Resource(s, "aws_iam_role", "role", s.RoleName).SetString("name", s.RoleName).SetString("assume_role_policy", s.TrustPolicy);
                var rolePolicy = Resource(s, "aws_iam_role_policy", "role", s.RoleName).SetString("name", s.PolicyName).SetString("role", s.RoleName).SetString("policy", s.RolePolicy);
                DependsOn(rolePolicy, Address(role));
                Emit(output, role);
                Emit(output, rolePolicy, $"role:{s.RoleArn}");
                break;
            case PutMetricFilter s:
                if (s.Warning is not null)
                {
                    output.WriteLine($"# {ShellWords.Comment(s.Warning)}");
                }

                var filter = Resource(s, "aws_cloudwatch_log_metric_filter", "filter", s.FilterName)
                    .SetString("name", s.FilterName)
                    .SetString("log_group_name", s.LogGroupName)
                    .SetString("pattern", s.Pattern)
                    .Nested(new HclBlock("metric_transformation").SetString("name", s.MetricName).SetString("namespace", s.MetricNamespace).SetString("value", "1"));
                DependsOn(filter, Find($"log-group:{s.AccountId}:{s.Region}:{s.LogGroupName}"));
                Emit(output, filter);
                break;
            case CreateTopic s:
                Emit(output, Resource(s, "aws_sns_topic", "topic", s.TopicName).SetString("name", s.TopicName), $"topic:{s.TopicArn}");
                break;
            case AllowCloudWatchToPublish s:
                var topicPolicy = Resource(s, "aws_sns_topic_policy", "topic_policy", s.TopicArn.Split(':')[^1]).SetString("arn", s.TopicArn).SetString("policy", s.Policy);
                DependsOn(topicPolicy, Find($"topic:{s.TopicArn}"));
                ImportUnlessCreated(output, s, topicPolicy, $"topic:{s.TopicArn}", s.TopicArn);
                Emit(output, topicPolicy, $"topic-policy:{s.TopicArn}");
                break;
            case AllowCloudWatchToUseKey s:
                var keyPolicy = Resource(s, "aws_kms_key_policy", "key_policy", s.KeyId).SetString("key_id", s.KeyId).SetString("policy", s.Policy);
                Import(output, s, keyPolicy, s.KeyId);
                Emit(output, keyPolicy);
                break;
            case EncryptTopicWithNewKey s:
                var key = Resource(s, "aws_kms_key", "key", s.KeyAlias)
                    .SetString("description", $"Encrypts SNS topic {s.TopicArn} so CloudWatch alarms can publish to it")
                    .SetString("policy", s.KeyPolicy);
                var alias = Resource(s, "aws_kms_alias", "key", s.KeyAlias).SetString("name", s.KeyAlias).Set("target_key_id", $"{Address(key)}.key_id");
                Emit(output, key);
                Emit(output, alias);
                Command(output, step, "Terraform cannot switch an existing topic to the key without managing the whole topic. After apply, run with this account's credentials:", [_commands.EncryptWithAlias(s)]);
                break;
            case Subscribe s:
                var subscription = Resource(s, "aws_sns_topic_subscription", "subscription", $"{s.TopicArn.Split(':')[^1]}_{s.Protocol}_{s.Endpoint}")
                    .SetString("topic_arn", s.TopicArn)
                    .SetString("protocol", s.Protocol)
                    .SetString("endpoint", s.Endpoint);
                DependsOn(subscription, Find($"topic:{s.TopicArn}"), Find($"topic-policy:{s.TopicArn}"));
                Emit(output, subscription);
                if (s.NeedsConfirmation)
                {
                    output.WriteLine($"# {ShellWords.Comment(s.Endpoint)} must confirm the subscription before alarms reach it; Terraform cannot delete it while it is unconfirmed.");
                }

                break;
            case PutAlarm s:
                var alarm = TerraformAlarm.Resource(Resource(s, "aws_cloudwatch_metric_alarm", "alarm", s.Settings.AlarmName), s.Settings);
                DependsOn(alarm, [.. s.Settings.AlarmActions.Select(a => Find($"topic:{a}")), .. s.Settings.AlarmActions.Select(a => Find($"topic-policy:{a}"))]);
                if (s.Exists)
                {
                    // The plan carries every setting the alarm has, but not its tags: leave those as they are.
                    alarm.Nested(new HclBlock("lifecycle").Set("ignore_changes", "[tags]"));
                    Import(output, s, alarm, s.Settings.AlarmName);
                }

                Emit(output, alarm);
                break;
            case EnableAlarmActions s when plan.Steps.OfType<PutAlarm>().Any(a => a.AccountId == s.AccountId && a.Region == s.Region && a.Settings.AlarmName == s.AlarmName):
                output.WriteLine("# The alarm resource of this plan sets actions_enabled = true.");
                break;
            case EnableAlarmActions:
                Command(output, step, "The plan does not carry this alarm's settings, so Terraform cannot own it. Run with this account's credentials:", _commands.Lines(step));
                break;
            case AllowEventBridgeToPublish s:
                var eventsPolicy = Resource(s, "aws_sns_topic_policy", "topic_policy", s.TopicArn.Split(':')[^1]).SetString("arn", s.TopicArn).SetString("policy", s.Policy);
                DependsOn(eventsPolicy, Find($"topic:{s.TopicArn}"));
                ImportUnlessCreated(output, s, eventsPolicy, $"topic:{s.TopicArn}", s.TopicArn);
                Emit(output, eventsPolicy, $"topic-policy:{s.TopicArn}");
                break;
            case AllowEventBridgeToUseKey s:
                var eventsKeyPolicy = Resource(s, "aws_kms_key_policy", "key_policy", s.KeyId).SetString("key_id", s.KeyId).SetString("policy", s.Policy);
                Import(output, s, eventsKeyPolicy, s.KeyId);
                Emit(output, eventsKeyPolicy, $"key-policy:{s.KeyId}");
                break;
            case PutEventRule s:
                var rule = Resource(s, "aws_cloudwatch_event_rule", "rule", s.RuleName)
                    .SetString("name", s.RuleName)
                    .SetString("description", s.Description)
                    .SetString("event_bus_name", PutEventRule.DefaultBus)
                    .SetString("event_pattern", s.EventPattern)
                    .SetString("state", s.State);
                if (s.Exists)
                {
                    Import(output, s, rule, s.RuleName);
                }

                Emit(output, rule, $"event-rule:{s.AccountId}:{s.Region}:{s.RuleName}");
                break;
            case PutEventTarget s:
                var target = Resource(s, "aws_cloudwatch_event_target", "target", $"{s.RuleName}_{s.TargetId}")
                    .SetString("rule", s.RuleName)
                    .SetString("event_bus_name", PutEventRule.DefaultBus)
                    .SetString("target_id", s.TargetId)
                    .SetString("arn", s.TopicArn);
                DependsOn(target, Find($"event-rule:{s.AccountId}:{s.Region}:{s.RuleName}"), Find($"topic:{s.TopicArn}"), Find($"topic-policy:{s.TopicArn}"));
                if (s.Exists)
                {
                    Import(output, s, target, $"{s.RuleName}/{s.TargetId}");
                }

                Emit(output, target);
                break;
            case ManualStep s:
                output.WriteLine($"# By hand: {ShellWords.Comment(s.What)}");
                break;
            default:
                throw new ArgumentException($"no Terraform form for step {step.GetType().Name}", nameof(step));
        }
    }

    private static string LogGroupName(string arn) => Tocsin.Core.Inventory.LogGroupArns.Parse(arn)?.Name ?? arn;

    private HclBlock Resource(PlanStep step, string type, string prefix, string name)
    {
        var label = HclText.Label(prefix, name);
        for (var n = 2; !_labels.Add($"{type}.{label}"); n++)
        {
            label = HclText.Label(prefix, $"{name}_{n}");
        }

        return new HclBlock($"resource \"{type}\" \"{label}\"").Set("provider", $"aws.{HclText.ProviderAlias(step.AccountId, step.Region)}");
    }

    private static string Address(HclBlock resource) => resource.Address;

    private string? Find(string key) => _created.GetValueOrDefault(key);

    private static void DependsOn(HclBlock resource, params string?[] addresses)
    {
        var found = addresses.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (found.Count > 0)
        {
            resource.Set("depends_on", "[" + string.Join(", ", found) + "]");
        }
    }

    private void Emit(TextWriter output, HclBlock resource, string? key = null)
    {
        if (key is not null)
        {
            _created[key] = resource.Address;
        }

        resource.Write(output);
    }

    private void ImportUnlessCreated(TextWriter output, PlanStep step, HclBlock resource, string createdKey, string id)
    {
        if (!_created.ContainsKey(createdKey))
        {
            Import(output, step, resource, id);
        }
    }

    private static void Import(TextWriter output, PlanStep step, HclBlock resource, string id) =>
        new HclBlock("import")
            .Set("provider", $"aws.{HclText.ProviderAlias(step.AccountId, step.Region)}")
            .Set("to", resource.Address)
            .SetString("id", id)
            .Write(output);

    private static void Command(TextWriter output, PlanStep step, string why, IEnumerable<string> lines)
    {
        output.WriteLine($"# {why}");
        foreach (var line in lines)
        {
            output.WriteLine($"#   {ShellWords.Comment(line)}");
        }
    }
}
