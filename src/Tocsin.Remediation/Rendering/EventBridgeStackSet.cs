using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rendering.Templates;
using static Tocsin.Remediation.Rendering.Templates.Intrinsics;

namespace Tocsin.Remediation.Rendering;

/// <summary>
/// The EventBridge chain of one member account in one region, as one template for a service-managed StackSet deployed
/// to every region in scope: a topic whose policy lets <c>events.amazonaws.com</c> publish, a subscription, and per
/// planned control an EventBridge rule on the default bus sending to the topic. A rule hears only its own region's
/// events (sign-ins of the root user and the global endpoint arrive in us-east-1, regional sign-ins in their region),
/// so the stack instances go to every region, us-east-1 always among them.
/// </summary>
internal static class EventBridgeStackSet
{
    public static void Write(RemediationPlan plan, TextWriter output)
    {
        var template = new CloudFormationTemplate("Tocsin: EventBridge rules that send CIS CloudTrail events to a topic, in one region of one member account, deployed by a service-managed StackSet to every region");
        template.Header.Add($"Save as {StackSetRenderer.TemplateFile}; the commands that deploy it follow the template.");
        StackSetRenderer.AddTopicParameters(template, plan);
        var topic = template.AddResource("Topic", "Alerts", "AWS::SNS::Topic", new YamlMap { { "TopicName", Ref("TopicName") } });
        template.AddResource("TopicPolicy", "Alerts", "AWS::SNS::TopicPolicy", new YamlMap
        {
            { "Topics", new List<object?> { Ref(topic) } },
            { "PolicyDocument", PublishPolicy(topic) },
        });
        template.AddResource("Subscription", "Alerts", "AWS::SNS::Subscription", new YamlMap
        {
            { "TopicArn", Ref(topic) },
            { "Protocol", Ref("NotifyProtocol") },
            { "Endpoint", Ref("NotifyEndpoint") },
        });
        foreach (var (control, ruleName, rule) in EventBridgeResources.Controls(plan))
        {
            template.AddResource("Rule", ruleName, "AWS::Events::Rule", new YamlMap
            {
                { "Name", ruleName },
                { "Description", $"Tocsin: {control.Id} ({control.Title})" },
                { "EventBusName", PutEventRule.DefaultBus },
                { "EventPattern", PolicyNodes.FromJson(rule.Pattern) },
                { "State", rule.StateName },
                { "Targets", new List<object?> { new YamlMap { { "Id", EventBridge.EventBridgePlanner.TargetId }, { "Arn", Ref(topic) } } } },
            });
        }

        template.AddOutput("TopicArn", Ref(topic));
        var regions = plan.Steps.Select(s => s.Region).Append("us-east-1");
        template.Footer.AddRange(StackSetRenderer.Commands(plan, regions, "in every region in scope (us-east-1 always: root and global-endpoint sign-ins arrive there)", StackSetRenderer.EventBridgeStackSetName));
        template.Write(output);
    }

    private static YamlMap PublishPolicy(string topic) => new()
    {
        { "Version", "2012-10-17" },
        {
            "Statement", new List<object?>
            {
                new YamlMap
                {
                    { "Sid", AllowEventBridgeToPublish.StatementId },
                    { "Effect", "Allow" },
                    { "Principal", new YamlMap { { "Service", "events.amazonaws.com" } } },
                    { "Action", "sns:Publish" },
                    { "Resource", Ref(topic) },
                    { "Condition", new YamlMap { { "StringEquals", new YamlMap { { "aws:SourceAccount", Ref("AWS::AccountId") } } } } },
                },
            }
        },
    };
}
