using System.Text.Json.Nodes;
using Tocsin.Aws.Http;
using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Clients;

/// <summary>CloudWatch Logs over awsJson1_1.</summary>
public sealed class LogsClient(AwsSession session)
{
    private const string Target = "Logs_20140328";

    /// <summary>Every metric filter on one log group, all pages.</summary>
    [RequiresPermission("logs:DescribeMetricFilters")]
    public async Task<IReadOnlyList<MetricFilter>> DescribeMetricFiltersAsync(string region, string logGroupName, CancellationToken cancellationToken)
    {
        var filters = new List<MetricFilter>();
        string? token = null;
        do
        {
            var input = new JsonObject { ["logGroupName"] = logGroupName };
            if (token is not null)
            {
                input["nextToken"] = token;
            }

            var reply = await session.JsonAsync(AwsService.Logs, region, Target, "DescribeMetricFilters", input, cancellationToken);
            filters.AddRange(reply.Array("metricFilters")
                // The prefix form of the call can return other log groups' filters; keep this group's only.
                .Where(f => (f.Str("logGroupName") ?? logGroupName) == logGroupName)
                .Select(f => new MetricFilter(
                    logGroupName,
                    f.Str("filterName") ?? "",
                    Observed.Known(f.Str("filterPattern") ?? ""),
                    Observed.Known<IReadOnlyList<MetricTransformation>>([.. f.Array("metricTransformations").Select(Transformation)]))));
            token = reply.Str("nextToken");
        }
        while (!string.IsNullOrEmpty(token));

        return filters;
    }

    /// <summary>The names of the log groups whose names start with <paramref name="prefix"/>, all pages.</summary>
    [RequiresPermission("logs:DescribeLogGroups", ForApply = true)]
    public async Task<IReadOnlyList<string>> DescribeLogGroupsByPrefixAsync(string region, string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? token = null;
        do
        {
            var input = new JsonObject { ["logGroupNamePrefix"] = prefix };
            if (token is not null)
            {
                input["nextToken"] = token;
            }

            var reply = await session.JsonAsync(AwsService.Logs, region, Target, "DescribeLogGroups", input, cancellationToken);
            names.AddRange(reply.Array("logGroups").Select(g => g.Str("logGroupName")).OfType<string>());
            token = reply.Str("nextToken");
        }
        while (!string.IsNullOrEmpty(token));

        return names;
    }

    [RequiresPermission("logs:CreateLogGroup", ForApply = true)]
    public async Task CreateLogGroupAsync(string region, string name, CancellationToken cancellationToken) =>
        await session.JsonAsync(AwsService.Logs, region, Target, "CreateLogGroup", new JsonObject { ["logGroupName"] = name }, cancellationToken);

    /// <summary>Creates or replaces the filter named <paramref name="filterName"/>: the pattern, publishing <paramref name="metricValue"/> to the metric.</summary>
    [RequiresPermission("logs:PutMetricFilter", ForApply = true)]
    public async Task PutMetricFilterAsync(string region, string logGroupName, string filterName, string pattern, string metricName, string metricNamespace, string metricValue, CancellationToken cancellationToken)
    {
        var input = new JsonObject
        {
            ["logGroupName"] = logGroupName,
            ["filterName"] = filterName,
            ["filterPattern"] = pattern,
            ["metricTransformations"] = new JsonArray(new JsonObject
            {
                ["metricName"] = metricName,
                ["metricNamespace"] = metricNamespace,
                ["metricValue"] = metricValue,
            }),
        };
        await session.JsonAsync(AwsService.Logs, region, Target, "PutMetricFilter", input, cancellationToken);
    }

    private static MetricTransformation Transformation(JsonNode? t) => new(
        t.Str("metricName") ?? "",
        t.Str("metricNamespace") ?? "",
        t.Str("metricValue") ?? "",
        t.Number("defaultValue"),
        t?["dimensions"] is JsonObject dimensions
            ? [.. dimensions.Select(d => new Dimension(d.Key, d.Value?.ToString() ?? "")).OrderBy(d => d.Name, StringComparer.Ordinal)]
            : [],
        t.Str("unit"));
}
