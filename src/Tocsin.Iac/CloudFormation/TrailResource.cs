using System.Text.Json.Nodes;
using Tocsin.Core.Inventory;

namespace Tocsin.Iac.CloudFormation;

/// <summary>
/// <c>AWS::CloudTrail::Trail</c> as the inventory's <see cref="Trail"/>. A trail with no selectors records all
/// management events, as CloudTrail does. Delivery status does not exist before deployment: none is reported.
/// </summary>
internal static class TrailResource
{
    private static readonly EventSelector AllManagementEvents = new(ReadWriteType.All, true, []);

    public static Trail Read(ResourceProperties trail, ResourceIdentity identity, IacSettings settings)
    {
        var name = trail.Name(identity.Name) ?? trail.LogicalId;
        return new Trail(
            settings.Arn("cloudtrail", $"trail/{name}"),
            name,
            Observed.Known(settings.Region),
            Observed.Known(settings.AccountId),
            trail.Bool("IsMultiRegionTrail", false),
            trail.Bool("IsOrganizationTrail", false),
            trail.Deciding(trail.Bool("IsLogging", false)),
            Observed.None<string>(),
            Observed.Known<DateTimeOffset?>(null),
            Observed.None<string>(),
            trail.Read<IReadOnlyList<EventSelector>>("EventSelectors", trail.Node("AdvancedEventSelectors") is null ? [AllManagementEvents] : [], Selectors),
            trail.Read<IReadOnlyList<AdvancedEventSelector>>("AdvancedEventSelectors", [], AdvancedSelectors),
            trail.Text("CloudWatchLogsLogGroupArn"),
            trail.Text("CloudWatchLogsRoleArn"),
            trail.Source);
    }

    private static IReadOnlyList<EventSelector> Selectors(JsonNode node) =>
    [
        .. Items(node).Select(selector => new EventSelector(
            ResourceProperties.Enum<ReadWriteType>(ResourceProperties.Field(selector, "ReadWriteType") ?? "All"),
            ResourceProperties.Field(selector, "IncludeManagementEvents") is not ("false" or "False"),
            Strings(selector["ExcludeManagementEventSources"]))),
    ];

    private static IReadOnlyList<AdvancedEventSelector> AdvancedSelectors(JsonNode node) =>
    [
        .. Items(node).Select(selector => new AdvancedEventSelector(
            ResourceProperties.Field(selector, "Name"),
            [
                .. Items(selector["FieldSelectors"] ?? new JsonArray()).Select(field => new AdvancedFieldSelector(
                    ResourceProperties.Field(field, "Field") ?? "",
                    Strings(field["Equals"]),
                    Strings(field["StartsWith"]),
                    Strings(field["EndsWith"]),
                    Strings(field["NotEquals"]),
                    Strings(field["NotStartsWith"]),
                    Strings(field["NotEndsWith"]))),
            ])),
    ];

    private static IEnumerable<JsonObject> Items(JsonNode node) =>
        node is JsonArray list ? list.OfType<JsonObject>() : throw new Unresolvable("a list of selectors was expected");

    private static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray list ? [.. list.Select(ResourceProperties.AsText)] : [];
}
