using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rendering.Templates;
using static Tocsin.Core.JsonNodes;

namespace Tocsin.Remediation.Rendering;

/// <summary>
/// A service control policy that denies deleting or weakening the chain's resources (trail, log group and its filters,
/// alarms, topic, topic key, delivery role, trail bucket) in every account and region it is attached to, except to the
/// <c>--admin-role-arn</c> role and the StackSet execution roles. Minified JSON, at most 5,120 characters. SCPs never
/// restrict the management account or service-linked roles.
/// </summary>
public sealed class ScpRenderer : IPlanRenderer
{
    /// <summary>The most characters an SCP may hold, whitespace included.</summary>
    public const int MaxCharacters = 5_120;

    public const string StackSetExecutionRoles = "arn:aws:iam::*:role/stacksets-exec-*";

    private static readonly JsonSerializerOptions Minified = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Format => "scp";

    public void Write(RemediationPlan plan, RenderOptions options, TextWriter output)
    {
        var admin = options.AdminRoleArn;
        if (string.IsNullOrWhiteSpace(admin))
        {
            throw new PlanRenderException("--format scp needs --admin-role-arn: the role that may still change the chain (the policy denies everyone else)");
        }

        if (admin.Split(':') is not ["arn", var partition, "iam", "", _, var resource] || !resource.StartsWith("role/", StringComparison.Ordinal) || partition.Length == 0)
        {
            throw new PlanRenderException($"--admin-role-arn: `{admin}` is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME; ACCOUNT may be *)");
        }

        var exempt = new[] { admin, StackSetExecutionRoles.Replace("arn:aws:", $"arn:{partition}:", StringComparison.Ordinal) }.Distinct(StringComparer.Ordinal).ToList();
        var chain = ProtectedResources.Of(plan);
        var statements = new List<JsonNode>();
        void Deny(string sid, string[] actions, IEnumerable<string> resources)
        {
            var list = resources.ToList();
            if (list.Count > 0)
            {
                statements.Add(new JsonObject
                {
                    ["Sid"] = sid,
                    ["Effect"] = "Deny",
                    ["Action"] = Strings(actions),
                    ["Resource"] = Strings(list),
                    ["Condition"] = new JsonObject { ["ArnNotLike"] = new JsonObject { ["aws:PrincipalARN"] = Strings(exempt) } },
                });
            }
        }

        var arn = $"arn:{partition}:";
        if (plan.Options.Via == PlanVia.EventBridge)
        {
            var rules = EventBridgeResources.Rules(plan);
            Deny("TocsinProtectEventRules", ["events:DeleteRule", "events:DisableRule", "events:RemoveTargets", "events:PutRule", "events:PutTargets"],
                rules.Select(r => $"{arn}events:*:*:rule/{r}"));
            Deny("TocsinProtectTopic", ["sns:DeleteTopic", "sns:Unsubscribe", "sns:SetTopicAttributes", "sns:RemovePermission", "sns:AddPermission", "sns:SetSubscriptionAttributes"],
                chain.Topics.SelectMany(t => new[] { $"{arn}sns:*:*:{t}", $"{arn}sns:*:*:{t}:*" }));
            Deny("TocsinProtectTopicKey", ["kms:PutKeyPolicy", "kms:DisableKey", "kms:ScheduleKeyDeletion"],
                chain.Keys.Select(k => $"{arn}kms:*:*:key/{k}"));
        }
        else
        {
            Deny("TocsinProtectTrail", ["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:UpdateTrail", "cloudtrail:PutEventSelectors"],
                chain.Trails.Select(t => $"{arn}cloudtrail:*:*:trail/{t}"));
            Deny("TocsinProtectLogGroupAndFilters", ["logs:DeleteMetricFilter", "logs:PutMetricFilter", "logs:DeleteLogGroup"],
                chain.LogGroups.Select(g => $"{arn}logs:*:*:log-group:{g}:*"));
            Deny("TocsinProtectAlarms", ["cloudwatch:DeleteAlarms", "cloudwatch:DisableAlarmActions", "cloudwatch:PutMetricAlarm", "cloudwatch:SetAlarmState"],
                chain.Alarms.Select(a => $"{arn}cloudwatch:*:*:alarm:{a}"));
            Deny("TocsinProtectTopic", ["sns:DeleteTopic", "sns:Unsubscribe", "sns:SetTopicAttributes", "sns:RemovePermission", "sns:AddPermission", "sns:SetSubscriptionAttributes"],
                chain.Topics.SelectMany(t => new[] { $"{arn}sns:*:*:{t}", $"{arn}sns:*:*:{t}:*" }));
            Deny("TocsinProtectTopicKey", ["kms:PutKeyPolicy", "kms:DisableKey", "kms:ScheduleKeyDeletion"],
                chain.Keys.Select(k => $"{arn}kms:*:*:key/{k}"));
            Deny("TocsinProtectDeliveryRole", ["iam:DeleteRole", "iam:DeleteRolePolicy", "iam:PutRolePolicy", "iam:UpdateAssumeRolePolicy"],
                chain.Roles.Select(r => $"{arn}iam::*:role/{r}"));
            Deny("TocsinProtectTrailBucket", ["s3:PutBucketPolicy", "s3:DeleteBucketPolicy"],
                chain.Buckets.Select(b => $"{arn}s3:::{b}"));
        }

        var policy = new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray([.. statements]) }.ToJsonString(Minified);
        if (policy.Length > MaxCharacters)
        {
            throw new PlanRenderException($"the service control policy would be {policy.Length} characters, over the {MaxCharacters} an SCP may hold: the plan names too many resources for one policy");
        }

        output.Write(policy);
    }
}
