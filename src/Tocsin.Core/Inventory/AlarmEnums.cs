using System.Text.Json.Serialization;

namespace Tocsin.Core.Inventory;

/// <summary>A CloudWatch statistic, spelled as AWS spells it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Statistic>))]
public enum Statistic
{
    SampleCount,
    Average,
    Sum,
    Minimum,
    Maximum,
}

/// <summary>An alarm's ComparisonOperator, spelled as AWS spells it (distinct from a filter pattern's comparison).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlarmComparisonOperator>))]
public enum AlarmComparisonOperator
{
    GreaterThanOrEqualToThreshold,
    GreaterThanThreshold,
    LessThanThreshold,
    LessThanOrEqualToThreshold,
    LessThanLowerOrGreaterThanUpperThreshold,
    LessThanLowerThreshold,
    GreaterThanUpperThreshold,
}
