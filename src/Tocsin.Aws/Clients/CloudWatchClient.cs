using System.Xml.Linq;
using Tocsin.Aws.Http;
using Tocsin.Aws.Protocols;
using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Clients;

/// <summary>
/// CloudWatch over awsQuery (Version 2010-08-01). Alarms are read with one paginated DescribeAlarms per region
/// rather than DescribeAlarmsForMetric per filter metric: one call usually covers a region, and it also returns
/// metric-math alarms and alarms on the same metric name in another namespace, which the evaluator needs to name
/// a near miss ("namespace mismatch").
/// </summary>
public sealed class CloudWatchClient(AwsSession session)
{
    private const string Version = "2010-08-01";

    /// <summary>Every metric alarm in the region, all pages.</summary>
    [RequiresPermission("cloudwatch:DescribeAlarms")]
    public async Task<IReadOnlyList<Alarm>> DescribeAlarmsAsync(string region, CancellationToken cancellationToken)
    {
        var alarms = new List<Alarm>();
        string? token = null;
        do
        {
            var parameters = new List<KeyValuePair<string, string>>(QueryProtocol.List("AlarmTypes", ["MetricAlarm"])) { new("MaxRecords", "100") };
            if (token is not null)
            {
                parameters.Add(new("NextToken", token));
            }

            var result = await session.QueryAsync(AwsService.CloudWatch, region, "DescribeAlarms", Version, parameters, cancellationToken);
            alarms.AddRange(Xml.Members(result, "MetricAlarms").Select(ToAlarm));
            token = Xml.Text(result, "NextToken");
        }
        while (!string.IsNullOrEmpty(token));

        return alarms;
    }

    /// <summary>One metric alarm by name, as PutMetricAlarm parameters (<see cref="AlarmParameters"/>); null when there is none.</summary>
    [RequiresPermission("cloudwatch:DescribeAlarms")]
    public async Task<SortedDictionary<string, string>?> DescribeAlarmsByNameAsync(string region, string alarmName, CancellationToken cancellationToken)
    {
        IEnumerable<KeyValuePair<string, string>> parameters = [.. QueryProtocol.List("AlarmNames", [alarmName]), .. QueryProtocol.List("AlarmTypes", ["MetricAlarm"])];
        var result = await session.QueryAsync(AwsService.CloudWatch, region, "DescribeAlarms", Version, parameters, cancellationToken);
        return Xml.Members(result, "MetricAlarms").FirstOrDefault(a => Xml.Text(a, "AlarmName") == alarmName) is { } alarm ? AlarmParameters.FromDescribed(alarm) : null;
    }

    /// <summary>Creates the alarm, or replaces every setting of the alarm of that name with <paramref name="parameters"/>.</summary>
    [RequiresPermission("cloudwatch:PutMetricAlarm", ForApply = true)]
    public Task PutMetricAlarmAsync(string region, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken) =>
        session.QueryActionAsync(AwsService.CloudWatch, region, "PutMetricAlarm", Version, parameters, cancellationToken);

    [RequiresPermission("cloudwatch:EnableAlarmActions", ForApply = true)]
    public Task EnableAlarmActionsAsync(string region, string alarmName, CancellationToken cancellationToken) =>
        session.QueryActionAsync(AwsService.CloudWatch, region, "EnableAlarmActions", Version, QueryProtocol.List("AlarmNames", [alarmName]), cancellationToken);

    private static Alarm ToAlarm(XElement a) => new(
        Xml.Text(a, "AlarmName") ?? "",
        Xml.Text(a, "AlarmArn") ?? "",
        Observed.Known(Xml.Text(a, "MetricName")),
        Observed.Known(Xml.Text(a, "Namespace")),
        Observed.Known(Dimensions(a)),
        Observed.Known(Enum.TryParse<Statistic>(Xml.Text(a, "Statistic"), out var statistic) ? statistic : (Statistic?)null),
        Observed.Known(Xml.Text(a, "ExtendedStatistic")),
        Observed.Known<IReadOnlyList<MetricDataQuery>>([.. Xml.Members(a, "Metrics").Select(Query)]),
        Observed.Known(Xml.Int(a, "Period")),
        Xml.Int(a, "EvaluationPeriods") is { } periods ? Observed.Known(periods) : Observed.Unknown<int>(UnknownReason.Unavailable, "DescribeAlarms gave no EvaluationPeriods"),
        Observed.Known(Xml.Int(a, "DatapointsToAlarm")),
        Observed.Known(Xml.Double(a, "Threshold")),
        Enum.TryParse<AlarmComparisonOperator>(Xml.Text(a, "ComparisonOperator"), out var comparison)
            ? Observed.Known(comparison)
            : Observed.Unknown<AlarmComparisonOperator>(UnknownReason.Unavailable, $"DescribeAlarms gave the comparison '{Xml.Text(a, "ComparisonOperator")}'"),
        Observed.Known(Xml.Text(a, "TreatMissingData")),
        Observed.Known(Xml.Bool(a, "ActionsEnabled") ?? true),
        Observed.Known(Xml.Strings(a, "AlarmActions")),
        Observed.Known(Xml.Strings(a, "OKActions")),
        Observed.Known(Xml.Strings(a, "InsufficientDataActions")),
        string.IsNullOrEmpty(Xml.Text(a, "AlarmArn")) ? null : Source.FromArn(Xml.Text(a, "AlarmArn")!));

    private static IReadOnlyList<Dimension> Dimensions(XElement? parent) =>
        [.. Xml.Members(parent, "Dimensions").Select(d => new Dimension(Xml.Text(d, "Name") ?? "", Xml.Text(d, "Value") ?? ""))];

    private static MetricDataQuery Query(XElement q)
    {
        var stat = Xml.Child(q, "MetricStat");
        var metric = Xml.Child(stat, "Metric");
        return new MetricDataQuery(
            Xml.Text(q, "Id") ?? "",
            Xml.Text(q, "Expression"),
            stat is null ? null : new MetricStat(Xml.Text(metric, "Namespace") ?? "", Xml.Text(metric, "MetricName") ?? "", Dimensions(metric), Xml.Int(stat, "Period") ?? 0, Xml.Text(stat, "Stat") ?? "", Xml.Text(stat, "Unit")),
            Xml.Bool(q, "ReturnData") ?? true,
            Xml.Text(q, "Label"),
            Xml.Int(q, "Period"));
    }
}
