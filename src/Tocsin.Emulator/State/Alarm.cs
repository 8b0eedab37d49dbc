using System.Text.Json.Nodes;

namespace Tocsin.Emulator.State;

/// <summary>A CloudWatch metric alarm: the configuration as put, and its state.</summary>
public sealed class Alarm(string accountId, string region, string name)
{
    public string AccountId { get; } = accountId;

    public string Region { get; } = region;

    public string Name { get; } = name;

    public string Arn => $"arn:aws:cloudwatch:{Region}:{AccountId}:alarm:{Name}";

    public string? Description { get; set; }

    public bool ActionsEnabled { get; set; } = true;

    public List<string> AlarmActions { get; set; } = [];

    public List<string> OkActions { get; set; } = [];

    public List<string> InsufficientDataActions { get; set; } = [];

    public string? MetricName { get; set; }

    public string? Namespace { get; set; }

    public string? Statistic { get; set; }

    public string? ExtendedStatistic { get; set; }

    /// <summary>Name/value pairs as put.</summary>
    public List<KeyValuePair<string, string>> Dimensions { get; set; } = [];

    public int? Period { get; set; }

    public string? Unit { get; set; }

    public int EvaluationPeriods { get; set; } = 1;

    public int? DatapointsToAlarm { get; set; }

    public double? Threshold { get; set; }

    public string ComparisonOperator { get; set; } = "GreaterThanOrEqualToThreshold";

    public string? TreatMissingData { get; set; }

    public string? EvaluateLowSampleCountPercentile { get; set; }

    /// <summary>Metric-math queries (<c>Metrics</c>), kept as put.</summary>
    public JsonArray? Metrics { get; set; }

    public string? ThresholdMetricId { get; set; }

    public DateTimeOffset ConfigurationUpdated { get; set; }

    public string StateValue { get; set; } = "INSUFFICIENT_DATA";

    public string StateReason { get; set; } = "Unchecked: Initial alarm creation";

    public string? StateReasonData { get; set; }

    public DateTimeOffset StateUpdated { get; set; }

    public SortedDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}
