using Tocsin.Remediation.Plans;
using static Tocsin.Remediation.Rendering.Templates.Intrinsics;

namespace Tocsin.Remediation.Rendering.Templates;

/// <summary>
/// The template for the steps of one account and region: a resource per Create step (and per topic policy, which the
/// step already carries whole), wired by Ref and GetAtt where the template makes both ends; updates of resources the
/// template does not own are listed after it as AWS CLI commands.
/// </summary>
internal sealed class AccountStack
{
    private readonly CloudFormationTemplate _template;
    private readonly Dictionary<string, string> _buckets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _bucketPolicies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _logGroupsByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _logGroupsByArn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _trails = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Id, YamlMap Properties)> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, YamlMap> _rules = new(StringComparer.Ordinal);
    private readonly List<string> _commands = [];
    private readonly List<string> _byHand = [];

    public AccountStack(string accountId, string region, bool eventBridge = false)
    {
        _template = new CloudFormationTemplate(eventBridge
            ? $"Tocsin: EventBridge rules that send CIS CloudTrail events to a topic, for account {accountId} in {region}"
            : $"Tocsin: the CIS CloudTrail metric-filter alarm chain for account {accountId} in {region}");
        _template.Header.Add($"{CloudFormationRenderer.Marker} account={accountId} region={region}");
        _template.Header.Add($"Deploy in account {accountId}, region {region}: aws cloudformation deploy --stack-name {(eventBridge ? StackSetRenderer.EventBridgeStackSetName : StackSetRenderer.StackSetName)} --template-file FILE --capabilities CAPABILITY_NAMED_IAM --region {region}");
    }

    public void Add(PlanStep step)
    {
        switch (step)
        {
            case CreateTrailBucket bucket:
                AddBucket(bucket);
                break;
            case CreateLogGroup group:
                var groupId = _template.AddResource("LogGroup", group.LogGroupName, "AWS::Logs::LogGroup", new YamlMap { { "LogGroupName", group.LogGroupName } });
                _logGroupsByName[group.LogGroupName] = groupId;
                _logGroupsByArn[TrimStar(group.LogGroupArn)] = groupId;
                break;
            case CreateLogDeliveryRole role:
                _roles[role.RoleArn] = _template.AddResource("Role", role.RoleName, "AWS::IAM::Role", new YamlMap
                {
                    { "RoleName", role.RoleName },
                    { "AssumeRolePolicyDocument", PolicyNodes.FromJson(role.TrustPolicy) },
                    { "Policies", new List<object?> { new YamlMap { { "PolicyName", role.PolicyName }, { "PolicyDocument", PolicyNodes.FromJson(role.RolePolicy) } } } },
                });
                break;
            case CreateTrail trail:
                AddTrail(trail);
                break;
            case StartLogging start when _trails.ContainsKey(start.TrailArn):
                break; // the new trail is created with IsLogging: true
            case PutMetricFilter filter:
                AddFilter(filter);
                break;
            case CreateTopic topic:
                var properties = new YamlMap { { "TopicName", topic.TopicName } };
                _topics[topic.TopicArn] = (_template.AddResource("Topic", topic.TopicName, "AWS::SNS::Topic", properties), properties);
                break;
            case AllowCloudWatchToPublish publish:
                _template.AddResource("TopicPolicy", publish.TopicArn.Split(':')[^1], "AWS::SNS::TopicPolicy", new YamlMap
                {
                    { "Topics", new List<object?> { TopicValue(publish.TopicArn) } },
                    { "PolicyDocument", PolicyNodes.FromJson(publish.Policy) },
                });
                break;
            case AllowEventBridgeToPublish publish:
                _template.AddResource("TopicPolicy", publish.TopicArn.Split(':')[^1], "AWS::SNS::TopicPolicy", new YamlMap
                {
                    { "Topics", new List<object?> { TopicValue(publish.TopicArn) } },
                    { "PolicyDocument", PolicyNodes.FromJson(publish.Policy) },
                });
                break;
            case PutEventRule { Exists: false } rule:
                AddRule(rule);
                break;
            case PutEventTarget target when _rules.TryGetValue(target.RuleName, out var owned):
                ((List<object?>)owned.First(p => p.Key == "Targets").Value!).Add(new YamlMap { { "Id", target.TargetId }, { "Arn", TopicValue(target.TopicArn) } });
                break;
            case EncryptTopicWithNewKey encrypt:
                AddKey(encrypt);
                break;
            case Subscribe subscribe:
                _template.AddResource("Subscription", subscribe.TopicArn.Split(':')[^1], "AWS::SNS::Subscription", new YamlMap
                {
                    { "TopicArn", TopicValue(subscribe.TopicArn) },
                    { "Protocol", subscribe.Protocol },
                    { "Endpoint", subscribe.Endpoint },
                });
                break;
            case PutAlarm { Exists: false } alarm:
                AddAlarm(alarm.Settings);
                break;
            case ManualStep manual:
                _byHand.Add(manual.What);
                break;
            default:
                _commands.Add(UpdateCommands.For(step) ?? throw new InvalidOperationException($"no CloudFormation form for {step.GetType().Name}"));
                break;
        }
    }

    public void Write(TextWriter output)
    {
        if (_commands.Count > 0)
        {
            _template.Footer.Add("");
            _template.Footer.Add("Changes to resources this template does not own (CloudFormation cannot take them over without an import).");
            _template.Footer.Add("Run these once the stack is created, in this order:");
            _template.Footer.AddRange(_commands);
        }

        if (_byHand.Count > 0)
        {
            _template.Footer.Add("");
            _template.Footer.Add("By hand:");
            _template.Footer.AddRange(_byHand.Select(what => "- " + what));
        }

        _template.Write(output);
    }

    private void AddBucket(CreateTrailBucket bucket)
    {
        var id = _template.AddResource("Bucket", bucket.BucketName, "AWS::S3::Bucket", new YamlMap
        {
            { "BucketName", bucket.BucketName },
            {
                "PublicAccessBlockConfiguration", new YamlMap
                {
                    { "BlockPublicAcls", true }, { "BlockPublicPolicy", true }, { "IgnorePublicAcls", true }, { "RestrictPublicBuckets", true },
                }
            },
        });
        _buckets[bucket.BucketName] = id;
        _bucketPolicies[bucket.BucketName] = _template.AddResource("BucketPolicy", bucket.BucketName, "AWS::S3::BucketPolicy", new YamlMap
        {
            { "Bucket", Ref(id) },
            { "PolicyDocument", PolicyNodes.FromJson(bucket.BucketPolicy) },
        });
    }

    private void AddTrail(CreateTrail trail)
    {
        var properties = new YamlMap
        {
            { "TrailName", trail.TrailName },
            { "S3BucketName", _buckets.TryGetValue(trail.BucketName, out var bucket) ? Ref(bucket) : trail.BucketName },
            { "IsLogging", true },
            { "IsMultiRegionTrail", true },
            { "IncludeGlobalServiceEvents", true },
            { "EnableLogFileValidation", true },
            // GetAtt LogGroup.Arn is the ":*" form CloudTrail wants.
            { "CloudWatchLogsLogGroupArn", _logGroupsByArn.TryGetValue(TrimStar(trail.LogGroupArn), out var group) ? GetAtt(group, "Arn") : trail.LogGroupArn },
            { "CloudWatchLogsRoleArn", _roles.TryGetValue(trail.RoleArn, out var role) ? GetAtt(role, "Arn") : trail.RoleArn },
        };
        var dependsOn = _bucketPolicies.TryGetValue(trail.BucketName, out var policy) ? new[] { policy } : null;
        _trails[trail.TrailArn] = _template.AddResource("Trail", trail.TrailName, "AWS::CloudTrail::Trail", properties, dependsOn);
    }

    private void AddFilter(PutMetricFilter filter) =>
        _template.AddResource("MetricFilter", filter.FilterName, "AWS::Logs::MetricFilter", new YamlMap
        {
            { "FilterName", filter.FilterName },
            { "LogGroupName", _logGroupsByName.TryGetValue(filter.LogGroupName, out var group) ? Ref(group) : filter.LogGroupName },
            { "FilterPattern", filter.Pattern },
            {
                "MetricTransformations", new List<object?>
                {
                    new YamlMap { { "MetricName", filter.MetricName }, { "MetricNamespace", filter.MetricNamespace }, { "MetricValue", "1" } },
                }
            },
        });

    /// <summary>The rule on the default bus; its targets are added as the plan's PutEventTarget steps come (a rule's targets are part of the resource).</summary>
    private void AddRule(PutEventRule rule)
    {
        var properties = new YamlMap
        {
            { "Name", rule.RuleName },
            { "Description", rule.Description },
            { "EventBusName", PutEventRule.DefaultBus },
            { "EventPattern", PolicyNodes.FromJson(rule.EventPattern) },
            { "State", rule.State },
            { "Targets", new List<object?>() },
        };
        _rules[rule.RuleName] = properties;
        _template.AddResource("Rule", rule.RuleName, "AWS::Events::Rule", properties);
    }

    private void AddKey(EncryptTopicWithNewKey encrypt)
    {
        var key = _template.AddResource("Key", encrypt.KeyAlias, "AWS::KMS::Key", new YamlMap
        {
            { "Description", $"Encrypts SNS topic {encrypt.TopicArn.Split(':')[^1]}; CloudWatch alarms may use it" },
            { "EnableKeyRotation", true },
            { "KeyPolicy", PolicyNodes.FromJson(encrypt.KeyPolicy) },
        });
        _template.AddResource("Alias", encrypt.KeyAlias, "AWS::KMS::Alias", new YamlMap { { "AliasName", encrypt.KeyAlias }, { "TargetKeyId", Ref(key) } });
        if (_topics.TryGetValue(encrypt.TopicArn, out var topic))
        {
            topic.Properties.Add("KmsMasterKeyId", Ref(key));
        }
        else
        {
            _commands.Add(UpdateCommands.For(encrypt)!);
        }
    }

    private void AddAlarm(AlarmSettings alarm)
    {
        var properties = new YamlMap
        {
            { "AlarmName", alarm.AlarmName },
        };
        properties.AddIfSet("AlarmDescription", alarm.Description);
        properties.Add("MetricName", alarm.MetricName);
        properties.Add("Namespace", alarm.Namespace);
        properties.Add("Statistic", alarm.Statistic);
        properties.Add("Period", alarm.Period);
        properties.Add("EvaluationPeriods", alarm.EvaluationPeriods);
        properties.AddIfSet("DatapointsToAlarm", alarm.DatapointsToAlarm);
        properties.Add("Threshold", alarm.Threshold);
        properties.Add("ComparisonOperator", alarm.ComparisonOperator);
        properties.AddIfSet("TreatMissingData", alarm.TreatMissingData);
        properties.Add("ActionsEnabled", alarm.ActionsEnabled);
        properties.Add("AlarmActions", alarm.AlarmActions.Select(TopicValue).ToList());
        properties.Add("OKActions", alarm.OkActions.Select(TopicValue).ToList());
        properties.Add("InsufficientDataActions", alarm.InsufficientDataActions.Select(TopicValue).ToList());
        properties.Add("Dimensions", alarm.Dimensions.Select(d => (object?)new YamlMap { { "Name", d.Name }, { "Value", d.Value } }).ToList());
        _template.AddResource("Alarm", alarm.AlarmName, "AWS::CloudWatch::Alarm", properties);
    }

    /// <summary>A Ref to the topic when this template creates it (so CloudFormation orders the two), its ARN otherwise.</summary>
    private object? TopicValue(string arn) => _topics.TryGetValue(arn, out var topic) ? Ref(topic.Id) : arn;

    private static string TrimStar(string logGroupArn) => logGroupArn.EndsWith(":*", StringComparison.Ordinal) ? logGroupArn[..^2] : logGroupArn;
}
