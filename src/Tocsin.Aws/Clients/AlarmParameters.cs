using System.Xml.Linq;

namespace Tocsin.Aws.Clients;

/// <summary>
/// A metric alarm as PutMetricAlarm's query parameters (<c>AlarmActions.member.1</c>, <c>Dimensions.member.1.Name</c>,
/// <c>Metrics.member.1.MetricStat.Metric.MetricName</c>...). DescribeAlarms returns the same members under the same
/// names, so an alarm read this way can be sent back whole: PutMetricAlarm overwrites every field it is not given.
/// </summary>
public static class AlarmParameters
{
    /// <summary>The members of DescribeAlarms' MetricAlarm that PutMetricAlarm takes back (tags are not: an update ignores them).</summary>
    public static readonly IReadOnlyList<string> Settable =
    [
        "AlarmName", "AlarmDescription", "ActionsEnabled", "OKActions", "AlarmActions", "InsufficientDataActions",
        "MetricName", "Namespace", "Statistic", "ExtendedStatistic", "Dimensions", "Period", "Unit", "EvaluationPeriods",
        "DatapointsToAlarm", "Threshold", "ComparisonOperator", "TreatMissingData", "EvaluateLowSampleCountPercentile",
        "Metrics", "ThresholdMetricId",
    ];

    /// <summary>The settable members of one <c>&lt;member&gt;</c> of DescribeAlarms' MetricAlarms, flattened.</summary>
    public static SortedDictionary<string, string> FromDescribed(XElement alarm)
    {
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in alarm.Elements().Where(e => Settable.Contains(e.Name.LocalName)))
        {
            Flatten(element, element.Name.LocalName, parameters);
        }

        return parameters;
    }

    /// <summary>Removes every parameter of a member (<c>AlarmActions</c> removes <c>AlarmActions.member.N</c>).</summary>
    public static void Remove(IDictionary<string, string> parameters, string member)
    {
        foreach (var key in parameters.Keys.Where(k => k == member || k.StartsWith(member + ".", StringComparison.Ordinal)).ToList())
        {
            parameters.Remove(key);
        }
    }

    /// <summary>The values of a list member, in order.</summary>
    public static IReadOnlyList<string> List(IReadOnlyDictionary<string, string> parameters, string member) =>
        [.. parameters.Where(p => p.Key.StartsWith(member + ".member.", StringComparison.Ordinal) && !p.Key[(member.Length + 8)..].Contains('.', StringComparison.Ordinal))
            .OrderBy(p => int.Parse(p.Key[(member.Length + 8)..], System.Globalization.CultureInfo.InvariantCulture))
            .Select(p => p.Value)];

    /// <summary>Replaces a list member with <paramref name="values"/>.</summary>
    public static void SetList(IDictionary<string, string> parameters, string member, IEnumerable<string> values)
    {
        Remove(parameters, member);
        var i = 0;
        foreach (var value in values)
        {
            parameters[$"{member}.member.{++i}"] = value;
        }
    }

    private static void Flatten(XElement element, string name, IDictionary<string, string> parameters)
    {
        var children = element.Elements().ToList();
        if (children.Count == 0)
        {
            if (!element.IsEmpty || element.Value.Length > 0)
            {
                parameters[name] = element.Value;
            }

            return;
        }

        var index = 0;
        foreach (var child in children)
        {
            Flatten(child, child.Name.LocalName == "member" ? $"{name}.member.{++index}" : $"{name}.{child.Name.LocalName}", parameters);
        }
    }
}
