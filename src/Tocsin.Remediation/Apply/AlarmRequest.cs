using System.Globalization;
using Tocsin.Aws.Clients;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Apply;

/// <summary>PutMetricAlarm parameters from a plan's alarm settings, and merged into a live alarm's.</summary>
internal static class AlarmRequest
{
    private static readonly string[] Numbers = ["Period", "EvaluationPeriods", "DatapointsToAlarm", "Threshold"];

    /// <summary>Every setting the plan carries, as PutMetricAlarm takes it.</summary>
    public static SortedDictionary<string, string> From(AlarmSettings settings)
    {
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["AlarmName"] = settings.AlarmName,
            ["MetricName"] = settings.MetricName,
            ["Namespace"] = settings.Namespace,
            ["Statistic"] = settings.Statistic,
            ["Period"] = settings.Period.ToString(CultureInfo.InvariantCulture),
            ["EvaluationPeriods"] = settings.EvaluationPeriods.ToString(CultureInfo.InvariantCulture),
            ["Threshold"] = settings.Threshold.ToString("R", CultureInfo.InvariantCulture),
            ["ComparisonOperator"] = settings.ComparisonOperator,
            ["ActionsEnabled"] = settings.ActionsEnabled ? "true" : "false",
        };
        if (settings.DatapointsToAlarm is { } datapoints)
        {
            parameters["DatapointsToAlarm"] = datapoints.ToString(CultureInfo.InvariantCulture);
        }

        if (settings.TreatMissingData is { } missing)
        {
            parameters["TreatMissingData"] = missing;
        }

        if (settings.Description is { } description)
        {
            parameters["AlarmDescription"] = description;
        }

        AlarmParameters.SetList(parameters, "AlarmActions", settings.AlarmActions);
        AlarmParameters.SetList(parameters, "OKActions", settings.OkActions);
        AlarmParameters.SetList(parameters, "InsufficientDataActions", settings.InsufficientDataActions);
        var i = 0;
        foreach (var dimension in settings.Dimensions)
        {
            i++;
            parameters[$"Dimensions.member.{i}.Name"] = dimension.Name;
            parameters[$"Dimensions.member.{i}.Value"] = dimension.Value;
        }

        return parameters;
    }

    /// <summary>
    /// The live alarm with the plan's settings: what the plan does not model (unit, extended statistic percentile
    /// options, description when the plan has none) is kept, and actions added since the scan are kept too.
    /// </summary>
    public static SortedDictionary<string, string> Merge(IReadOnlyDictionary<string, string> live, AlarmSettings settings, Core.Inventory.Alarm? seen)
    {
        var merged = new SortedDictionary<string, string>(live.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        var planned = From(settings);
        foreach (var member in new[] { "MetricName", "Namespace", "Statistic", "Period", "EvaluationPeriods", "Threshold", "ComparisonOperator", "ActionsEnabled", "Dimensions" })
        {
            AlarmParameters.Remove(merged, member);
        }

        // A single-metric alarm: the plan's statistic and metric replace a percentile or a metric-math query.
        foreach (var member in new[] { "ExtendedStatistic", "Metrics", "ThresholdMetricId" })
        {
            AlarmParameters.Remove(merged, member);
        }

        foreach (var (name, value) in planned.Where(p => !IsAction(p.Key) && p.Key != "AlarmDescription"))
        {
            merged[name] = value;
        }

        foreach (var list in new[] { "AlarmActions", "OKActions", "InsufficientDataActions" })
        {
            var seenList = seen is null ? null : list switch
            {
                "AlarmActions" => seen.AlarmActions,
                "OKActions" => seen.OkActions,
                _ => seen.InsufficientDataActions,
            };
            var seenActions = seenList is not null && seenList.TryGetValue(out var known) ? known : AlarmParameters.List(live, list);
            var addedSince = AlarmParameters.List(live, list).Except(seenActions, StringComparer.Ordinal);
            AlarmParameters.SetList(merged, list, AlarmParameters.List(planned, list).Concat(addedSince).Distinct(StringComparer.Ordinal).Take(5));
        }

        if (settings.Description is { } description)
        {
            merged["AlarmDescription"] = description;
        }

        return merged;
    }

    /// <summary>Whether two parameter sets make the same alarm (numbers compared as numbers).</summary>
    public static bool Same(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        var left = Normal(a);
        var right = Normal(b);
        return left.Count == right.Count && left.All(p => right.TryGetValue(p.Key, out var value) && value == p.Value);
    }

    private static Dictionary<string, string> Normal(IReadOnlyDictionary<string, string> parameters) =>
        parameters.ToDictionary(
            p => p.Key,
            p => Numbers.Contains(p.Key) && double.TryParse(p.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number.ToString("R", CultureInfo.InvariantCulture)
                : p.Key == "ActionsEnabled" ? p.Value.ToLowerInvariant() : p.Value,
            StringComparer.Ordinal);

    private static bool IsAction(string key) =>
        key.StartsWith("AlarmActions", StringComparison.Ordinal) || key.StartsWith("OKActions", StringComparison.Ordinal) || key.StartsWith("InsufficientDataActions", StringComparison.Ordinal);
}
