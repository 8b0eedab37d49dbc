using System.Text.Json.Nodes;

namespace Tocsin.Emulator.State;

/// <summary>A CloudWatch Logs log group and the metric filters on it (replaced by name, as AWS does).</summary>
public sealed class LogGroup(string accountId, string region, string name, DateTimeOffset created)
{
    public string AccountId { get; } = accountId;

    public string Region { get; } = region;

    public string Name { get; } = name;

    public DateTimeOffset Created { get; } = created;

    public int? RetentionInDays { get; set; }

    public string? KmsKeyId { get; set; }

    public string Arn => $"arn:aws:logs:{Region}:{AccountId}:log-group:{Name}";

    public SortedDictionary<string, MetricFilter> MetricFilters { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}

/// <summary>A metric filter: a pattern and the metrics it emits (<c>metricTransformations</c> as AWS stores them).</summary>
public sealed record MetricFilter(string Name, string Pattern, JsonArray Transformations, DateTimeOffset Created);
