using System.Text.Json.Nodes;
using Tocsin.Emulator.State;
using static Tocsin.Core.JsonNodes;

namespace Tocsin.Emulator.Services;

/// <summary>The CloudWatch model's <c>MetricAlarm</c> shape.</summary>
internal static class AlarmShape
{
    public static JsonNode Of(Alarm alarm)
    {
        var shape = new JsonObject
        {
            ["AlarmName"] = alarm.Name,
            ["AlarmArn"] = alarm.Arn,
            ["AlarmDescription"] = alarm.Description,
            ["AlarmConfigurationUpdatedTimestamp"] = JsonValue.Create(alarm.ConfigurationUpdated),
            ["ActionsEnabled"] = alarm.ActionsEnabled,
            ["OKActions"] = Strings(alarm.OkActions),
            ["AlarmActions"] = Strings(alarm.AlarmActions),
            ["InsufficientDataActions"] = Strings(alarm.InsufficientDataActions),
            ["StateValue"] = alarm.StateValue,
            ["StateReason"] = alarm.StateReason,
            ["StateReasonData"] = alarm.StateReasonData,
            ["StateUpdatedTimestamp"] = JsonValue.Create(alarm.StateUpdated),
            ["MetricName"] = alarm.MetricName,
            ["Namespace"] = alarm.Namespace,
            ["Statistic"] = alarm.Statistic,
            ["ExtendedStatistic"] = alarm.ExtendedStatistic,
            ["Dimensions"] = new JsonArray([.. alarm.Dimensions.Select(d => (JsonNode)new JsonObject { ["Name"] = d.Key, ["Value"] = d.Value })]),
            ["Period"] = alarm.Period,
            ["Unit"] = alarm.Unit,
            ["EvaluationPeriods"] = alarm.EvaluationPeriods,
            ["DatapointsToAlarm"] = alarm.DatapointsToAlarm,
            ["Threshold"] = alarm.Threshold,
            ["ComparisonOperator"] = alarm.ComparisonOperator,
            ["TreatMissingData"] = alarm.TreatMissingData,
            ["EvaluateLowSampleCountPercentile"] = alarm.EvaluateLowSampleCountPercentile,
            ["Metrics"] = alarm.Metrics?.DeepClone(),
            ["ThresholdMetricId"] = alarm.ThresholdMetricId,
            ["StateTransitionedTimestamp"] = JsonValue.Create(alarm.StateUpdated),
        };
        return shape;
    }
}
