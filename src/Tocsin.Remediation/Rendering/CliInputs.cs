using System.Text.Json.Nodes;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Plans;
using static Tocsin.Core.JsonNodes;

namespace Tocsin.Remediation.Rendering;

/// <summary>The <c>--cli-input-json</c> documents that have more shape than a few names.</summary>
internal static class CliInputs
{
    private static readonly HashSet<string> Statistics = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"];

    /// <summary>Whether an alarm statistic is one of the five plain ones (else it is a percentile such as p99, an ExtendedStatistic).</summary>
    public static bool IsPlainStatistic(string statistic) => Statistics.Contains(statistic);

    /// <summary>PutMetricAlarm with every setting, since the call overwrites the whole alarm.</summary>
    public static JsonObject Alarm(AlarmSettings a)
    {
        var input = new JsonObject { ["AlarmName"] = a.AlarmName };
        if (a.Description is not null)
        {
            input["AlarmDescription"] = a.Description;
        }

        input["ActionsEnabled"] = a.ActionsEnabled;
        input["OKActions"] = Strings(a.OkActions);
        input["AlarmActions"] = Strings(a.AlarmActions);
        input["InsufficientDataActions"] = Strings(a.InsufficientDataActions);
        input["MetricName"] = a.MetricName;
        input["Namespace"] = a.Namespace;
        input[IsPlainStatistic(a.Statistic) ? "Statistic" : "ExtendedStatistic"] = a.Statistic;
        input["Dimensions"] = new JsonArray([.. a.Dimensions.Select(d => (JsonNode)new JsonObject { ["Name"] = d.Name, ["Value"] = d.Value })]);
        input["Period"] = a.Period;
        input["EvaluationPeriods"] = a.EvaluationPeriods;
        if (a.DatapointsToAlarm is { } datapoints)
        {
            input["DatapointsToAlarm"] = datapoints;
        }

        input["Threshold"] = a.Threshold;
        input["ComparisonOperator"] = a.ComparisonOperator;
        if (a.TreatMissingData is not null)
        {
            input["TreatMissingData"] = a.TreatMissingData;
        }

        return input;
    }

    /// <summary>PutEventSelectors with the whole list the step carries, basic or advanced.</summary>
    public static JsonObject EventSelectors(RecordManagementEvents s)
    {
        var input = new JsonObject { ["TrailName"] = s.TrailName };
        if (s.AdvancedEventSelectors is { } advanced)
        {
            input["AdvancedEventSelectors"] = new JsonArray([.. advanced.Select(Advanced)]);
        }
        else
        {
            input["EventSelectors"] = new JsonArray([.. (s.EventSelectors ?? []).Select(e => (JsonNode)new JsonObject
            {
                ["ReadWriteType"] = e.ReadWriteType.ToString(),
                ["IncludeManagementEvents"] = e.IncludeManagementEvents,
                ["ExcludeManagementEventSources"] = Strings(e.ExcludeManagementEventSources),
            })]);
        }

        return input;
    }

    private static JsonNode Advanced(AdvancedEventSelector selector)
    {
        var node = new JsonObject();
        if (selector.Name is not null)
        {
            node["Name"] = selector.Name;
        }

        node["FieldSelectors"] = new JsonArray([.. selector.FieldSelectors.Select(f =>
        {
            var field = new JsonObject { ["Field"] = f.Field };
            foreach (var (name, values) in AdvancedFieldOperators.Of(f))
            {
                field[name] = Strings(values);
            }

            return (JsonNode)field;
        })]);
        return node;
    }
}
