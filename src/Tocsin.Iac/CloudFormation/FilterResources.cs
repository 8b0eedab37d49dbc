using System.Text.Json.Nodes;
using Tocsin.Core.Inventory;

namespace Tocsin.Iac.CloudFormation;

/// <summary><c>AWS::Logs::LogGroup</c> and <c>AWS::Logs::MetricFilter</c> as the inventory's log groups and filters.</summary>
internal static class FilterResources
{
    public static LogGroup? LogGroup(ResourceProperties group, ResourceIdentity identity, IacSettings settings) =>
        group.Name(identity.Name) is { } name ? new LogGroup(settings.Arn("logs", $"log-group:{name}"), name, group.Source) : null;

    /// <summary>The filter; when its log group cannot be resolved, <see cref="UnplacedFilter"/> says why.</summary>
    public static (MetricFilter Filter, Unknown? Unplaced) MetricFilter(ResourceProperties filter, ResourceIdentity identity)
    {
        var logGroup = filter.Text("LogGroupName");
        var read = new MetricFilter(
            logGroup.IsKnown ? logGroup.Value ?? "" : "",
            filter.Name(identity.Name) ?? filter.LogicalId,
            filter.Deciding(filter.Read("FilterPattern", "", ResourceProperties.AsText)),
            filter.Read<IReadOnlyList<MetricTransformation>>("MetricTransformations", [], Transformations),
            filter.Source);
        return (read, logGroup.Unknown);
    }

    /// <summary>
    /// A filter whose log group cannot be resolved may sit on any log group a trail delivers to: it is placed on each,
    /// with its pattern unknown, so the chain through it is undecided rather than missing a filter.
    /// </summary>
    public static IEnumerable<MetricFilter> Placed(MetricFilter filter, Unknown why, IEnumerable<Trail> trails) =>
        trails
            .Select(trail => trail.CloudWatchLogsLogGroupArn.TryGetValue(out var arn) && arn is not null ? LogGroupArns.Parse(arn)?.Name : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Select(logGroup => filter with
            {
                LogGroupName = logGroup,
                Pattern = Observed<string>.NotKnown(new Unknown(UnknownReason.Unresolved, $"whether {filter.Name} reads log group {logGroup} is not known: {why.Detail}"), filter.Source),
            });

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

    /// <summary>
    /// A log group a trail delivers to that no template defines exists already, and may hold filters the templates
    /// do not show: each such log group gets one filter standing for those, its pattern unknown.
    /// </summary>
    public static IEnumerable<MetricFilter> Outside(IacRead read, IacSettings settings)
    {
        var defined = read.LogGroups.Select(group => group.Name).ToHashSet(StringComparer.Ordinal);
        return read.Trails
            .Where(trail => trail.CloudWatchLogsLogGroupArn.IsKnown && trail.CloudWatchLogsLogGroupArn.Value is not null)
            .Select(trail => (Trail: trail, LogGroup: LogGroupArns.Parse(trail.CloudWatchLogsLogGroupArn.Value!)))
            .Where(entry => entry.LogGroup is { } group && group.AccountId == settings.AccountId && group.Region == settings.Region && !defined.Contains(group.Name))
            .DistinctBy(entry => entry.LogGroup!.Value.Name, StringComparer.Ordinal)
            .Select(entry =>
            {
                var name = entry.LogGroup!.Value.Name;
                var why = new Unknown(UnknownReason.Unresolved, $"log group {name} is defined outside these templates, and so may be its metric filters");
                return new MetricFilter(
                    name,
                    $"(any filter on {name} defined outside these templates)",
                    Observed<string>.NotKnown(why, entry.Trail.Source),
                    Observed<IReadOnlyList<MetricTransformation>>.NotKnown(why, entry.Trail.Source),
                    entry.Trail.Source);
            });
    }
}
