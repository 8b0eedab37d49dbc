using System.Text.Json.Nodes;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>PutMetricAlarm: creates or replaces an alarm, validated as CloudWatch validates it.</summary>
internal static class AlarmWriter
{
    private static readonly string[] Statistics = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"];

    private static readonly string[] Comparisons =
    [
        "GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold",
        "LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold",
    ];

    public static JsonObject? Put(CallContext call)
    {
        var input = call.Input;
        var name = input.Required("AlarmName", "ValidationError");
        var comparison = input.Required("ComparisonOperator", "ValidationError");
        if (!Comparisons.Contains(comparison))
        {
            throw new AwsError("ValidationError", $"1 validation error detected: Value '{comparison}' at 'comparisonOperator' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", Comparisons)}]");
        }

        var evaluationPeriods = input.Int("EvaluationPeriods") ?? throw new AwsError("ValidationError", "1 validation error detected: Value null at 'evaluationPeriods' failed to satisfy constraint: Member must not be null");
        var statistic = input.Str("Statistic");
        if (statistic is not null && !Statistics.Contains(statistic))
        {
            throw new AwsError("ValidationError", $"1 validation error detected: Value '{statistic}' at 'statistic' failed to satisfy constraint: Member must satisfy enum value set: [Maximum, SampleCount, Sum, Minimum, Average]");
        }

        var metrics = input["Metrics"] as JsonArray;
        var metricName = input.Str("MetricName");
        if (metrics is null or [] && (metricName is null || input.Str("Namespace") is null || input.Int("Period") is null || (statistic is null && input.Str("ExtendedStatistic") is null)))
        {
            throw new AwsError("ValidationError", "Period, Namespace, MetricName and a statistic must be specified for an alarm on a single metric.");
        }

        if (metrics is [_, ..] && metricName is not null)
        {
            throw new AwsError("ValidationError", "Metrics list cannot be used together with MetricName.");
        }

        var existing = call.Here.Alarms.GetValueOrDefault(name);
        var alarm = new Alarm(call.Account.Id, call.Region, name)
        {
            Description = input.Str("AlarmDescription"),
            ActionsEnabled = input.Bool("ActionsEnabled") ?? true,
            AlarmActions = [.. input.Strings("AlarmActions")],
            OkActions = [.. input.Strings("OKActions")],
            InsufficientDataActions = [.. input.Strings("InsufficientDataActions")],
            MetricName = metricName,
            Namespace = input.Str("Namespace"),
            Statistic = statistic,
            ExtendedStatistic = input.Str("ExtendedStatistic"),
            Dimensions = [.. input.Objects("Dimensions").Select(d => new KeyValuePair<string, string>(d.Str("Name") ?? string.Empty, d.Str("Value") ?? string.Empty))],
            Period = input.Int("Period"),
            Unit = input.Str("Unit"),
            EvaluationPeriods = evaluationPeriods,
            DatapointsToAlarm = input.Int("DatapointsToAlarm"),
            Threshold = input.Number("Threshold"),
            ComparisonOperator = comparison,
            TreatMissingData = input.Str("TreatMissingData"),
            EvaluateLowSampleCountPercentile = input.Str("EvaluateLowSampleCountPercentile"),
            Metrics = metrics is [_, ..] ? (JsonArray)metrics.DeepClone() : null,
            ThresholdMetricId = input.Str("ThresholdMetricId"),
            ConfigurationUpdated = call.Now,
            StateUpdated = existing?.StateUpdated ?? call.Now,
            StateValue = existing?.StateValue ?? "INSUFFICIENT_DATA",
            StateReason = existing?.StateReason ?? "Unchecked: Initial alarm creation",
            StateReasonData = existing?.StateReasonData,
        };
        foreach (var tag in input.Objects("Tags"))
        {
            alarm.Tags[tag.Str("Key") ?? string.Empty] = tag.Str("Value") ?? string.Empty;
        }

        call.Here.Alarms[name] = alarm;
        return null;
    }
}
