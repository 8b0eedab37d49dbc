using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Tocsin.Core.Inventory;
using Tocsin.Core.Inventory.Snapshots;

namespace Tocsin.Core.Tests.Inventory;

public class SnapshotSchemaAgreementTests
{
    public static TheoryData<string, Type> Records() => new()
    {
        { "account", typeof(Account) },
        { "organization", typeof(Organization) },
        { "region", typeof(Region) },
        { "trail", typeof(Trail) },
        { "eventSelector", typeof(EventSelector) },
        { "advancedEventSelector", typeof(AdvancedEventSelector) },
        { "advancedFieldSelector", typeof(AdvancedFieldSelector) },
        { "logGroup", typeof(LogGroup) },
        { "metricFilter", typeof(MetricFilter) },
        { "metricTransformation", typeof(MetricTransformation) },
        { "dimension", typeof(Dimension) },
        { "alarm", typeof(Alarm) },
        { "metricDataQuery", typeof(MetricDataQuery) },
        { "metricStat", typeof(MetricStat) },
        { "topic", typeof(Topic) },
        { "subscription", typeof(Subscription) },
        { "eventRule", typeof(EventRule) },
        { "eventTarget", typeof(EventTarget) },
        { "iamRole", typeof(IamRole) },
        { "rolePolicy", typeof(RolePolicy) },
        { "source", typeof(Source) },
    };

    [Theory]
    [MemberData(nameof(Records))]
    public void Every_field_of_a_model_record_is_a_field_of_its_schema_definition(string definition, Type record)
    {
        using var schema = JsonDocument.Parse(SnapshotSchema.Text);
        var schemaFields = schema.RootElement.GetProperty("$defs").GetProperty(definition).GetProperty("properties")
            .EnumerateObject().Select(p => p.Name);

        var modelFields = record.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null && p.Name != "EqualityContract")
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name));

        schemaFields.Order(StringComparer.Ordinal).ShouldBe(modelFields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_unknown_reasons_of_the_schema_are_those_of_the_model()
    {
        using var schema = JsonDocument.Parse(SnapshotSchema.Text);
        var reasons = schema.RootElement.GetProperty("$defs").GetProperty("observation").GetProperty("properties")
            .GetProperty("unknown").GetProperty("enum").EnumerateArray().Select(r => r.GetString()!);

        reasons.ShouldBe(UnknownReasons.All);
    }
}
