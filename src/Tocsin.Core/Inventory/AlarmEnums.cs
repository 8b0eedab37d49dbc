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

/// <summary>An alarm comparison operator, spelled as AWS spells it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ComparisonOperator>))]
public enum ComparisonOperator
{
    GreaterThanOrEqualToThreshold,
    GreaterThanThreshold,
    LessThanThreshold,
    LessThanOrEqualToThreshold,
    LessThanLowerOrGreaterThanUpperThreshold,
    LessThanLowerThreshold,
    GreaterThanUpperThreshold,
}
