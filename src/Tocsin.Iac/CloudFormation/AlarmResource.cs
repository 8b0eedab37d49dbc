using System.Text.Json.Nodes;
using Tocsin.Core.Inventory;

namespace Tocsin.Iac.CloudFormation;

/// <summary><c>AWS::CloudWatch::Alarm</c> as the inventory's <see cref="Alarm"/>, single-metric or metric math.</summary>
internal static class AlarmResource
{
    public static Alarm Read(ResourceProperties alarm, ResourceIdentity identity, IacSettings settings)
    {
        var name = alarm.Name(identity.Name) ?? alarm.LogicalId;
        return new Alarm(
            name,
            settings.Arn("cloudwatch", $"alarm:{name}"),
            alarm.Text("MetricName"),
            alarm.Text("Namespace"),
            alarm.Read<IReadOnlyList<Dimension>>("Dimensions", [], Dimensions),
            alarm.Read<Statistic?>("Statistic", null, node => ResourceProperties.Enum<Statistic>(ResourceProperties.AsText(node))),
            alarm.Text("ExtendedStatistic"),
            alarm.Read<IReadOnlyList<MetricDataQuery>>("Metrics", [], Metrics),
            alarm.Int("Period"),
            alarm.Read("EvaluationPeriods", 0, node => (int)ResourceProperties.AsNumber(node)),
            alarm.Int("DatapointsToAlarm"),
            alarm.Double("Threshold"),
            alarm.Read("ComparisonOperator", AlarmComparisonOperator.GreaterThanOrEqualToThreshold, node => ResourceProperties.Enum<AlarmComparisonOperator>(ResourceProperties.AsText(node))),
            alarm.Text("TreatMissingData"),
            alarm.Deciding(alarm.Bool("ActionsEnabled", true)),
            alarm.Texts("AlarmActions"),
            alarm.Texts("OKActions"),
            alarm.Texts("InsufficientDataActions"),
            alarm.Source);
    }

    private static IReadOnlyList<Dimension> Dimensions(JsonNode node) =>
        node is JsonArray list
            ? [.. list.Select(d => new Dimension(ResourceProperties.Field(d, "Name") ?? "", ResourceProperties.Field(d, "Value") ?? ""))]
            : throw new Unresolvable("a list of dimensions was expected");

    private static IReadOnlyList<MetricDataQuery> Metrics(JsonNode node) =>
    [
        .. (node as JsonArray ?? throw new Unresolvable("a list of metric queries was expected")).OfType<JsonObject>().Select(query => new MetricDataQuery(
            ResourceProperties.Field(query, "Id") ?? "",
            ResourceProperties.Field(query, "Expression"),
            query["MetricStat"] is JsonObject stat ? MetricStat(stat) : null,
            ResourceProperties.Field(query, "ReturnData") is not ("false" or "False"),
            ResourceProperties.Field(query, "Label"),
            query["Period"] is { } period ? (int)ResourceProperties.AsNumber(period) : null)),
    ];

    private static MetricStat MetricStat(JsonObject stat)
    {
        var metric = stat["Metric"] as JsonObject ?? throw new Unresolvable("MetricStat has no Metric");
        return new MetricStat(
            ResourceProperties.Field(metric, "Namespace") ?? "",
            ResourceProperties.Field(metric, "MetricName") ?? "",
            metric["Dimensions"] is { } dimensions ? Dimensions(dimensions) : [],
            stat["Period"] is { } period ? (int)ResourceProperties.AsNumber(period) : 0,
            ResourceProperties.Field(stat, "Stat") ?? "",
            ResourceProperties.Field(stat, "Unit"));
    }
}
