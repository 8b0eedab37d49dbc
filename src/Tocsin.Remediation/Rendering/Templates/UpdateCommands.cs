using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Plans;
using static Tocsin.Core.JsonNodes;

namespace Tocsin.Remediation.Rendering.Templates;

/// <summary>
/// The AWS CLI call for a change to a resource a template cannot take over without an import (an existing trail,
/// alarm or key policy). Each command is one line with every value shell-quoted, so it can sit in a YAML comment.
/// </summary>
internal static class UpdateCommands
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The command for a step, or null when the step is not an update of that kind.</summary>
    public static string? For(PlanStep step) => step switch
    {
        StartLogging s => Aws(step, "cloudtrail", "start-logging", "--name", s.TrailArn),
        MakeTrailMultiRegion s => Aws(step, "cloudtrail", "update-trail", "--name", s.TrailArn, "--is-multi-region-trail"),
        DeliverTrailToLogs s => Aws(step, "cloudtrail", "update-trail", "--name", s.TrailArn, "--cloud-watch-logs-log-group-arn", s.LogGroupArn, "--cloud-watch-logs-role-arn", s.RoleArn),
        RecordManagementEvents { AdvancedEventSelectors: { } advanced } s =>
            Aws(step, "cloudtrail", "put-event-selectors", "--trail-name", s.TrailArn, "--advanced-event-selectors", AdvancedSelectorsJson(advanced)),
        RecordManagementEvents s => Aws(step, "cloudtrail", "put-event-selectors", "--trail-name", s.TrailArn, "--event-selectors", SelectorsJson(s.EventSelectors ?? [])),
        AllowCloudWatchToUseKey s => Aws(step, "kms", "put-key-policy", "--key-id", s.KeyId, "--policy-name", "default", "--policy", s.Policy),
        EncryptTopicWithNewKey s => Aws(step, "sns", "set-topic-attributes", "--topic-arn", s.TopicArn, "--attribute-name", "KmsMasterKeyId", "--attribute-value", s.KeyAlias),
        PutAlarm { Exists: true } s => Aws(step, "cloudwatch", "put-metric-alarm", "--cli-input-json", AlarmJson(s.Settings)),
        EnableAlarmActions s => Aws(step, "cloudwatch", "enable-alarm-actions", "--alarm-names", s.AlarmName),
        PutEventRule { Exists: true } s => Aws(step, "events", "put-rule", "--cli-input-json", Rendering.CliStepCommands.EventRuleInput(s).ToJsonString(Compact)),
        PutEventTarget s => Aws(step, "events", "put-targets", "--cli-input-json", Rendering.CliStepCommands.EventTargetInput(s).ToJsonString(Compact)),
        AllowEventBridgeToUseKey s => Aws(step, "kms", "put-key-policy", "--key-id", s.KeyId, "--policy-name", "default", "--policy", s.Policy),
        _ => null,
    };

    private static string Aws(PlanStep step, string service, string operation, params string[] arguments) =>
        ShellWords.Command(["aws", service, operation, "--region", step.Region, .. arguments]);

    private static string SelectorsJson(IReadOnlyList<EventSelector> selectors) => new JsonArray(
    [
        .. selectors.Select(s => (JsonNode)new JsonObject
        {
            ["ReadWriteType"] = s.ReadWriteType.ToString(),
            ["IncludeManagementEvents"] = s.IncludeManagementEvents,
            ["ExcludeManagementEventSources"] = Strings(s.ExcludeManagementEventSources),
        }),
    ]).ToJsonString(Compact);

    private static string AdvancedSelectorsJson(IReadOnlyList<AdvancedEventSelector> selectors) => new JsonArray(
    [
        .. selectors.Select(s =>
        {
            var selector = new JsonObject();
            if (s.Name is not null)
            {
                selector["Name"] = s.Name;
            }

            selector["FieldSelectors"] = new JsonArray([.. s.FieldSelectors.Select(f => (JsonNode)FieldSelector(f))]);
            return (JsonNode)selector;
        }),
    ]).ToJsonString(Compact);

    private static JsonObject FieldSelector(AdvancedFieldSelector field)
    {
        var selector = new JsonObject { ["Field"] = field.Field };
        foreach (var (name, values) in new[]
        {
            ("Equals", field.EqualTo), ("StartsWith", field.StartsWith), ("EndsWith", field.EndsWith),
            ("NotEquals", field.NotEqualTo), ("NotStartsWith", field.NotStartsWith), ("NotEndsWith", field.NotEndsWith),
        })
        {
            if (values.Count > 0)
            {
                selector[name] = Strings(values);
            }
        }

        return selector;
    }

    /// <summary>
    /// Every setting of the alarm: PutMetricAlarm replaces the whole alarm, so nothing it had may be left out. A setting
    /// the alarm does not have is written as null.
    /// </summary>
    private static string AlarmJson(AlarmSettings alarm) => new JsonObject
    {
        ["AlarmName"] = alarm.AlarmName,
        ["AlarmDescription"] = alarm.Description,
        ["ActionsEnabled"] = alarm.ActionsEnabled,
        ["OKActions"] = Strings(alarm.OkActions),
        ["AlarmActions"] = Strings(alarm.AlarmActions),
        ["InsufficientDataActions"] = Strings(alarm.InsufficientDataActions),
        ["MetricName"] = alarm.MetricName,
        ["Namespace"] = alarm.Namespace,
        ["Statistic"] = alarm.Statistic,
        ["Dimensions"] = new JsonArray([.. alarm.Dimensions.Select(d => (JsonNode)new JsonObject { ["Name"] = d.Name, ["Value"] = d.Value })]),
        ["Period"] = alarm.Period,
        ["EvaluationPeriods"] = alarm.EvaluationPeriods,
        ["DatapointsToAlarm"] = alarm.DatapointsToAlarm,
        ["Threshold"] = alarm.Threshold,
        ["ComparisonOperator"] = alarm.ComparisonOperator,
        ["TreatMissingData"] = alarm.TreatMissingData,
    }.ToJsonString(Compact);
}
