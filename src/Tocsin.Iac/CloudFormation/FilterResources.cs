using System.Text.Json.Nodes;
using Tocsin.Core.Inventory;

namespace Tocsin.Iac.CloudFormation;

/// <summary><c>AWS::Logs::LogGroup</c> and <c>AWS::Logs::MetricFilter</c> as the inventory's log groups and filters.</summary>
internal static class FilterResources
{
    public static LogGroup? LogGroup(ResourceProperties group, ResourceIdentity identity, IacSettings settings) =>
        group.Name(identity.Name) is { } name ? new LogGroup(settings.Arn("logs", $"log-group:{name}"), name, group.Source) : null;

    public static MetricFilter MetricFilter(ResourceProperties filter, ResourceIdentity identity)
    {
        var logGroup = filter.Text("LogGroupName");
        var logGroupName = logGroup.IsKnown ? logGroup.Value ?? "" : $"(unresolved: {logGroup.Unknown.Detail})";
        return new MetricFilter(
            logGroupName,
            filter.Name(identity.Name) ?? filter.LogicalId,
            filter.Deciding(filter.Read("FilterPattern", "", ResourceProperties.AsText)),
            filter.Read<IReadOnlyList<MetricTransformation>>("MetricTransformations", [], Transformations),
            filter.Source);
    }

    private static IReadOnlyList<MetricTransformation> Transformations(JsonNode node) =>
    [
        .. (node as JsonArray ?? throw new Unresolvable("a list of transformations was expected")).OfType<JsonObject>().Select(metric => new MetricTransformation(
            ResourceProperties.Field(metric, "MetricName") ?? "",
            ResourceProperties.Field(metric, "MetricNamespace") ?? "",
            ResourceProperties.Field(metric, "MetricValue") ?? "",
            metric["DefaultValue"] is { } value ? ResourceProperties.AsNumber(value) : null,
            metric["Dimensions"] is JsonArray dimensions
                ? [.. dimensions.Select(d => new Dimension(ResourceProperties.Field(d, "Key") ?? "", ResourceProperties.Field(d, "Value") ?? ""))]
                : [],
            ResourceProperties.Field(metric, "Unit"))),
    ];
}
