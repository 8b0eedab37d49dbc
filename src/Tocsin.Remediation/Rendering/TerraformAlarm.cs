using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Rendering;

/// <summary>aws_cloudwatch_metric_alarm with every setting the plan carries (PutMetricAlarm overwrites the whole alarm).</summary>
internal static class TerraformAlarm
{
    public static HclBlock Resource(HclBlock resource, AlarmSettings a)
    {
        resource
            .SetString("alarm_name", a.AlarmName)
            .SetString("namespace", a.Namespace)
            .SetString("metric_name", a.MetricName)
            .SetString(CliInputs.IsPlainStatistic(a.Statistic) ? "statistic" : "extended_statistic", a.Statistic)
            .Set("period", HclText.Number(a.Period))
            .Set("evaluation_periods", HclText.Number(a.EvaluationPeriods))
            .Set("threshold", HclText.Number(a.Threshold))
            .SetString("comparison_operator", a.ComparisonOperator);
        if (a.DatapointsToAlarm is { } datapoints)
        {
            resource.Set("datapoints_to_alarm", HclText.Number(datapoints));
        }

        if (a.TreatMissingData is not null)
        {
            resource.SetString("treat_missing_data", a.TreatMissingData);
        }

        if (a.Description is not null)
        {
            resource.SetString("alarm_description", a.Description);
        }

        if (a.Dimensions.Count > 0)
        {
            resource.Set("dimensions", "{ " + string.Join(", ", a.Dimensions.Select(d => $"{HclText.Quote(d.Name)} = {HclText.Quote(d.Value)}")) + " }");
        }

        return resource
            .Set("actions_enabled", HclText.Bool(a.ActionsEnabled))
            .Set("alarm_actions", HclText.List(a.AlarmActions))
            .Set("ok_actions", HclText.List(a.OkActions))
            .Set("insufficient_data_actions", HclText.List(a.InsufficientDataActions));
    }
}
