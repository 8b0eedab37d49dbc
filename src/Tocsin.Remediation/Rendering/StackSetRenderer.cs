using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rendering.Templates;
using static Tocsin.Remediation.Rendering.Templates.Intrinsics;

namespace Tocsin.Remediation.Rendering;

/// <summary>
/// The per-account alarm chain as one parameterised template for a service-managed StackSet: for every planned
/// control a metric filter on the <c>LogGroupName</c> parameter and its alarm, one topic with a policy letting
/// CloudWatch publish, and a subscription to <c>NotifyProtocol</c>/<c>NotifyEndpoint</c>. The template comes first,
/// so the output saved as a file is the template; the commands that deploy it to an organization follow as comments.
/// </summary>
public sealed class StackSetRenderer : IPlanRenderer
{
    public const string StackSetName = "tocsin-cis-chain";
    public const string EventBridgeStackSetName = "tocsin-eventbridge-chain";
    public const string TemplateFile = "tocsin-stackset.yaml";

    private static readonly string[] Protocols = ["email", "email-json", "https", "sqs", "lambda"];

    public string Format => "stackset";

    public void Write(RemediationPlan plan, RenderOptions options, TextWriter output)
    {
        if (plan.Options.Via == PlanVia.EventBridge)
        {
            EventBridgeStackSet.Write(plan, output);
            return;
        }

        var template = new CloudFormationTemplate("Tocsin: the CIS CloudTrail metric-filter alarm chain of one member account, deployed by a service-managed StackSet");
        template.Header.Add($"Save as {TemplateFile}; the commands that deploy it follow the template.");
        AddParameters(template, plan);
        var topic = template.AddResource("Topic", "Alarms", "AWS::SNS::Topic", new YamlMap { { "TopicName", Ref("TopicName") } });
        template.AddResource("TopicPolicy", "Alarms", "AWS::SNS::TopicPolicy", new YamlMap
        {
            { "Topics", new List<object?> { Ref(topic) } },
            { "PolicyDocument", PublishPolicy(topic) },
        });
        template.AddResource("Subscription", "Alarms", "AWS::SNS::Subscription", new YamlMap
        {
            { "TopicArn", Ref(topic) },
            { "Protocol", Ref("NotifyProtocol") },
            { "Endpoint", Ref("NotifyEndpoint") },
        });
        foreach (var control in PlannedControls.Of(plan))
        {
            template.AddResource("MetricFilter", control.FilterName, "AWS::Logs::MetricFilter", new YamlMap
            {
                { "FilterName", control.FilterName },
                { "LogGroupName", Ref("LogGroupName") },
                { "FilterPattern", control.Pattern },
                { "MetricTransformations", new List<object?> { new YamlMap { { "MetricName", control.MetricName }, { "MetricNamespace", control.MetricNamespace }, { "MetricValue", "1" } } } },
            });
            template.AddResource("Alarm", control.AlarmName, "AWS::CloudWatch::Alarm", new YamlMap
            {
                { "AlarmName", control.AlarmName },
                { "AlarmDescription", $"CIS {control.ControlId}: {control.Title}" },
                { "MetricName", control.MetricName },
                { "Namespace", control.MetricNamespace },
                { "Statistic", "Sum" },
                { "Period", 300 },
                { "EvaluationPeriods", 1 },
                { "Threshold", 1 },
                { "ComparisonOperator", "GreaterThanOrEqualToThreshold" },
                { "TreatMissingData", "notBreaching" },
                { "ActionsEnabled", true },
                { "AlarmActions", new List<object?> { Ref(topic) } },
            });
        }

        template.AddOutput("TopicArn", Ref(topic));
        template.Footer.AddRange(Commands(plan, plan.Steps.Select(s => s.Region), "in the regions of the trails' log groups"));
        template.Write(output);
    }

    private static void AddParameters(CloudFormationTemplate template, RemediationPlan plan)
    {
        var logGroups = plan.Steps.OfType<PutMetricFilter>().Select(f => f.LogGroupName).Distinct(StringComparer.Ordinal).ToList();
        template.AddParameter("LogGroupName", new YamlMap
        {
            { "Type", "String" },
            { "Description", "The log group the account's multi-region trail delivers to (an organization trail's group lives in the management account: deploy there as a plain stack)" },
            { "Default", logGroups.Count == 1 ? logGroups[0] : "tocsin-cloudtrail" },
        });
        AddTopicParameters(template, plan);
    }

    /// <summary>The topic's name and who it notifies.</summary>
    internal static void AddTopicParameters(CloudFormationTemplate template, RemediationPlan plan)
    {
        template.AddParameter("TopicName", new YamlMap { { "Type", "String" }, { "Default", "tocsin-cis-alarms" } });
        var protocol = new YamlMap { { "Type", "String" }, { "AllowedValues", Protocols.Cast<object?>().ToList() } };
        protocol.AddIfSet("Default", plan.Options.Notify?.Protocol ?? "email");
        template.AddParameter("NotifyProtocol", protocol);
        var endpoint = new YamlMap { { "Type", "String" }, { "Description", "Who the alarms notify: an e-mail address, HTTPS URL, queue or function ARN. E-mail and HTTPS recipients must confirm." } };
        endpoint.AddIfSet("Default", plan.Options.Notify?.Endpoint);
        template.AddParameter("NotifyEndpoint", endpoint);
    }

    private static YamlMap PublishPolicy(string topic) => new()
    {
        { "Version", "2012-10-17" },
        {
            "Statement", new List<object?>
            {
                new YamlMap
                {
                    { "Sid", AllowCloudWatchToPublish.StatementId },
                    { "Effect", "Allow" },
                    { "Principal", new YamlMap { { "Service", "cloudwatch.amazonaws.com" } } },
                    { "Action", "sns:Publish" },
                    { "Resource", Ref(topic) },
                    { "Condition", new YamlMap { { "StringEquals", new YamlMap { { "aws:SourceAccount", Ref("AWS::AccountId") } } } } },
                },
            }
        },
    };

    internal static IEnumerable<string> Commands(RemediationPlan plan, IEnumerable<string> inRegions, string where, string stackSetName = StackSetName)
    {
        var regions = inRegions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (regions.Count == 0)
        {
            regions.Add("us-east-1");
        }

        var parameters = new List<JsonNode>();
        if (plan.Options.Notify is null)
        {
            parameters.Add(new JsonObject { ["ParameterKey"] = "NotifyEndpoint", ["ParameterValue"] = "security@example.com" });
        }

        const string principal = "member.org.stacksets.cloudformation.amazonaws.com";
        yield return "";
        yield return "Deploy to every account of an organization or of some OUs (service-managed StackSet):";
        yield return "1. Once, from the management account, turn on trusted access for StackSets:";
        yield return "   aws cloudformation activate-organizations-access";
        yield return "2. To deploy from a delegated administrator instead, register it once from the management account, then add";
        yield return "   --call-as DELEGATED_ADMIN to every command below:";
        yield return $"   aws organizations register-delegated-administrator --service-principal {principal} --account-id ADMIN_ACCOUNT_ID";
        yield return "3. Create the stack set (new accounts in the targets get the stack; an account that leaves loses it):";
        List<string> create =
        [
            "aws", "cloudformation", "create-stack-set", "--stack-set-name", stackSetName, "--template-body", $"file://{TemplateFile}",
            "--permission-model", "SERVICE_MANAGED", "--auto-deployment", "Enabled=true,RetainStacksOnAccountRemoval=false",
            "--capabilities", "CAPABILITY_NAMED_IAM",
        ];
        if (parameters.Count > 0)
        {
            create.AddRange(["--parameters", new JsonArray([.. parameters]).ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping })]);
        }

        yield return "   " + ShellWords.Command(create);
        yield return $"4. Deploy it to OUs (r-... is the root: the whole organization) {where}:";
        yield return "   " + ShellWords.Command([
            "aws", "cloudformation", "create-stack-instances", "--stack-set-name", stackSetName,
            "--deployment-targets", "OrganizationalUnitIds=ou-EXAMPLE1,ou-EXAMPLE2",
            "--regions", .. regions,
            "--operation-preferences", "FailureToleranceCount=0,MaxConcurrentCount=1,RegionConcurrencyType=PARALLEL",
        ]);
        yield return "A service-managed StackSet never deploys to the management account, even in a targeted OU or the root:";
        yield return "deploy this template there as a plain stack (aws cloudformation deploy --stack-name " + stackSetName + " --template-file " + TemplateFile + ").";
    }
}
