namespace Tocsin.Iac.CloudFormation;

/// <summary>
/// What <c>Ref</c> and <c>Fn::GetAtt</c> return for each resource type, spelled with the account and region of
/// <see cref="IacSettings"/>. A resource that names nothing gets the name CloudFormation would generate, without its
/// random suffix; an identifier AWS assigns at creation (a KMS key id) is spelled from the logical id.
/// </summary>
internal sealed class ResourceIdentity(TemplateScope scope, ValueResolver values)
{
    private readonly HashSet<string> naming = [];

    public string Ref(TemplateResource resource) => resource.Type switch
    {
        "AWS::SNS::Topic" => TopicArn(resource),
        "AWS::SNS::Subscription" => $"{TopicArnOf(resource)}:{resource.LogicalId}",
        "AWS::KMS::Key" => KeyId(resource),
        "AWS::CloudTrail::Trail" or "AWS::Logs::LogGroup" or "AWS::Logs::MetricFilter" or "AWS::CloudWatch::Alarm"
            or "AWS::KMS::Alias" or "AWS::IAM::Role" or "AWS::S3::Bucket" => Name(resource),
        _ => throw new Unresolvable($"Ref {resource.LogicalId} ({resource.Type}) is known only at deployment"),
    };

    public string Attribute(TemplateResource resource, string attribute) => (resource.Type, attribute) switch
    {
        ("AWS::CloudTrail::Trail", "Arn") => scope.Settings.Arn("cloudtrail", $"trail/{Name(resource)}"),
        ("AWS::Logs::LogGroup", "Arn") => scope.Settings.Arn("logs", $"log-group:{Name(resource)}:*"),
        ("AWS::CloudWatch::Alarm", "Arn") => scope.Settings.Arn("cloudwatch", $"alarm:{Name(resource)}"),
        ("AWS::SNS::Topic", "TopicArn") => TopicArn(resource),
        ("AWS::SNS::Topic", "TopicName") => Name(resource),
        ("AWS::KMS::Key", "Arn") => KeyArn(resource),
        ("AWS::KMS::Key", "KeyId") => KeyId(resource),
        ("AWS::IAM::Role", "Arn") => $"arn:aws:iam::{scope.Settings.AccountId}:role/{Name(resource)}",
        ("AWS::S3::Bucket", "Arn") => $"arn:aws:s3:::{Name(resource)}",
        ("AWS::Events::Rule", "Arn") => EventRuleArn(resource),
        _ => throw new Unresolvable($"Fn::GetAtt {resource.LogicalId}.{attribute} ({resource.Type}) is known only at deployment"),
    };

    public string TopicArn(TemplateResource topic) => scope.Settings.Arn("sns", Name(topic));

    /// <summary>The rule's ARN: <c>rule/NAME</c> on the default bus, <c>rule/BUS/NAME</c> on another.</summary>
    public string EventRuleArn(TemplateResource rule)
    {
        var bus = rule.Property("EventBusName") is { } node ? values.Text(node) : Core.Inventory.EventRule.DefaultBus;
        bus = bus.Contains(":event-bus/", StringComparison.Ordinal) ? bus.Split('/')[^1] : bus;
        return scope.Settings.Arn("events", bus == Core.Inventory.EventRule.DefaultBus ? $"rule/{Name(rule)}" : $"rule/{bus}/{Name(rule)}");
    }

    public string KeyId(TemplateResource key) => $"{scope.StackName}-{key.LogicalId}";

    public string KeyArn(TemplateResource key) => scope.Settings.Arn("kms", $"key/{KeyId(key)}");

    /// <summary>The resource's own name property, or the generated name when it sets none.</summary>
    public string Name(TemplateResource resource)
    {
        var property = resource.Type switch
        {
            "AWS::CloudTrail::Trail" => "TrailName",
            "AWS::Logs::LogGroup" => "LogGroupName",
            "AWS::Logs::MetricFilter" => "FilterName",
            "AWS::CloudWatch::Alarm" => "AlarmName",
            "AWS::SNS::Topic" => "TopicName",
            "AWS::KMS::Alias" => "AliasName",
            "AWS::IAM::Role" => "RoleName",
            "AWS::S3::Bucket" => "BucketName",
            "AWS::Events::Rule" => "Name",
            _ => null,
        };
        if (property is null || resource.Property(property) is not { } node)
        {
            return scope.GeneratedName(resource.LogicalId);
        }

        if (!naming.Add(resource.LogicalId))
        {
            throw new Unresolvable($"the name of {resource.LogicalId} refers to itself");
        }

        try
        {
            return values.Text(node);
        }
        finally
        {
            naming.Remove(resource.LogicalId);
        }
    }

    private string TopicArnOf(TemplateResource subscription) =>
        subscription.Property("TopicArn") is { } node ? values.Text(node) : throw new Unresolvable("the subscription names no topic");
}
