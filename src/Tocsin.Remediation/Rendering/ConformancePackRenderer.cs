using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rendering.Templates;

namespace Tocsin.Remediation.Rendering;

/// <summary>
/// An AWS Config conformance pack that detects what Config can see of the chain: a multi-region trail, a trail
/// delivering to CloudWatch Logs, alarms with an alarm action. Config records no metric filter, so each planned
/// control is a process check whose verdict <c>tocsin scan</c> supplies through PutExternalEvaluation.
/// Only AWS::Config::ConfigRule resources; the deploy commands are comments before the template.
/// </summary>
public sealed class ConformancePackRenderer : IPlanRenderer
{
    /// <summary>The most a conformance pack's TemplateBody may hold.</summary>
    public const int MaxTemplateBytes = 51_200;

    public const string PackName = "tocsin-cis-monitoring";
    public const string TemplateFile = "tocsin-conformance-pack.yaml";
    public const string RulePrefix = "tocsin-";

    public string Format => "conformance-pack";

    public void Write(RemediationPlan plan, RenderOptions options, TextWriter output)
    {
        if (plan.Options.Via == PlanVia.EventBridge)
        {
            throw new PlanRenderException("--format conformance-pack has no form for --via eventbridge: AWS Config has no managed rule that checks an EventBridge rule's event pattern, state or target; write the rules with --format stackset, cloudformation, terraform or cli, and protect them with --format scp");
        }

        var template = new CloudFormationTemplate("Tocsin: what AWS Config can check of the CIS CloudTrail metric-filter alarm chain; the metric filters are checked by tocsin scan");
        template.Header.AddRange(Commands());
        AddManagedRule(template, "multi-region-cloudtrail-enabled", "MULTI_REGION_CLOUD_TRAIL_ENABLED",
            "At least one multi-region trail records management events.", periodic: true);
        AddManagedRule(template, "cloud-trail-cloud-watch-logs-enabled", "CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED",
            "Trails deliver to CloudWatch Logs, where the CIS metric filters read them.", periodic: true);
        AddManagedRule(template, "cloudwatch-alarm-action-check", "CLOUDWATCH_ALARM_ACTION_CHECK",
            "Alarms have an alarm action (every alarm of the account, not only the CIS ones); no INSUFFICIENT_DATA or OK action required.", periodic: false,
            inputs: new YamlMap { { "alarmActionRequired", "true" }, { "insufficientDataActionRequired", "false" }, { "okActionRequired", "false" } },
            resourceTypes: ["AWS::CloudWatch::Alarm"]);
        foreach (var control in PlannedControls.Of(plan))
        {
            template.AddResource("ProcessCheck", control.ControlId, "AWS::Config::ConfigRule", new YamlMap
            {
                { "ConfigRuleName", RulePrefix + control.ControlId },
                { "Description", Truncate($"CIS {control.ControlId}: metric filter, alarm and confirmed subscriber. Config cannot see filter patterns: run tocsin scan and send its verdict with aws configservice put-external-evaluation.", 256) },
                { "Source", new YamlMap { { "Owner", "AWS" }, { "SourceIdentifier", "AWS_CONFIG_PROCESS_CHECK" } } },
            });
        }

        template.Write(output);
    }

    private static void AddManagedRule(CloudFormationTemplate template, string name, string identifier, string description, bool periodic, YamlMap? inputs = null, IReadOnlyList<string>? resourceTypes = null)
    {
        var rule = new YamlMap
        {
            { "ConfigRuleName", name },
            { "Description", description },
            { "Source", new YamlMap { { "Owner", "AWS" }, { "SourceIdentifier", identifier } } },
        };
        rule.AddIfSet("InputParameters", inputs);
        if (resourceTypes is not null)
        {
            rule.Add("Scope", new YamlMap { { "ComplianceResourceTypes", resourceTypes.Cast<object?>().ToList() } });
        }

        if (periodic)
        {
            rule.Add("MaximumExecutionFrequency", "TwentyFour_Hours");
        }

        template.AddResource("Rule", name, "AWS::Config::ConfigRule", rule);
    }

    private static IEnumerable<string> Commands()
    {
        yield return $"Save as {TemplateFile}. Config recording must be on in every account the pack reaches.";
        yield return "Deploy to the organization, from the management account or a Config delegated administrator";
        yield return "(the delivery bucket's name must start with awsconfigconforms):";
        yield return "  " + ShellWords.Command("aws", "configservice", "put-organization-conformance-pack",
            "--organization-conformance-pack-name", PackName, "--template-body", $"file://{TemplateFile}", "--delivery-s3-bucket", "awsconfigconforms-EXAMPLE");
        yield return "Or to one account:";
        yield return "  " + ShellWords.Command("aws", "configservice", "put-conformance-pack", "--conformance-pack-name", PackName, "--template-body", $"file://{TemplateFile}");
        yield return $"The {RulePrefix}* rules are process checks: after each tocsin scan, send every control's verdict for the account, e.g.";
        yield return "  " + ShellWords.Command("aws", "configservice", "put-external-evaluation", "--config-rule-name", $"{RulePrefix}CONTROL-ID",
            "--external-evaluation", "ComplianceResourceType=AWS::::Account,ComplianceResourceId=ACCOUNT_ID,ComplianceType=NON_COMPLIANT,Annotation=no-metric-filter,OrderingTimestamp=2026-01-01T00:00:00Z");
        yield return "(a pack deployed to an organization may add a suffix to rule names in member accounts: list them with aws configservice describe-config-rules).";
        yield return "";
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];
}
