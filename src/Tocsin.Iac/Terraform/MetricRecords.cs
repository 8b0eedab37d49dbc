using Tocsin.Core.Inventory;

namespace Tocsin.Iac.Terraform;

/// <summary><c>aws_cloudwatch_log_metric_filter</c> and <c>aws_cloudwatch_metric_alarm</c> as the inventory's filters and alarms.</summary>
internal static class MetricRecords
{
    /// <summary>
    /// The filter's metric is its <c>metric_transformation</c> block's name and namespace, never the filter's own name:
    /// an alarm on the filter's name watches a metric nobody publishes.
    /// </summary>
    public static MetricFilter Filter(ResourceInstance filter)
    {
        var blocks = filter.Body.BlocksOf("metric_transformation").ToList();
        var transformations = new List<MetricTransformation>();
        var unresolved = filter.Generated("metric_transformation") is { } generated ? Observe.Unresolved<IReadOnlyList<MetricTransformation>>(generated, filter.Source) : null;
        foreach (var block in blocks)
        {
            var at = Source.FromFile(filter.File, block.Line);
            HclValue Argument(string name) => block.Body.Attribute(name) is { } a ? HclEvaluator.Evaluate(a.Value, filter.Scope) : HclValue.Null;
            var name = Observe.TextOf(Argument("name"), at, $"{filter.Address}.metric_transformation.name");
            var ns = Observe.TextOf(Argument("namespace"), at, $"{filter.Address}.metric_transformation.namespace");
            var value = Observe.TextOf(Argument("value"), at, $"{filter.Address}.metric_transformation.value");
            var unit = Observe.TextOf(Argument("unit"), at, $"{filter.Address}.metric_transformation.unit");
            var fallback = Argument("default_value");
            var dimensions = Observe.Dimensions(Argument("dimensions"), at, $"{filter.Address}.metric_transformation.dimensions");
            var missing = new[] { name, ns, value }.FirstOrDefault(o => !o.IsKnown || o.Value is null);
            if (missing is not null || !dimensions.IsKnown || fallback is HclUnknown)
            {
                var why = missing?.Unknown?.Detail ?? dimensions.Unknown?.Detail ?? (fallback as HclUnknown)?.Why ?? $"{filter.Address}.metric_transformation lacks name, namespace or value";
                unresolved = Observe.Unresolved<IReadOnlyList<MetricTransformation>>(why, at);
                break;
            }

            transformations.Add(new MetricTransformation(name.Value!, ns.Value!, value.Value!, fallback is HclNumber d ? d.Value : null, dimensions.Value, unit.IsKnown ? unit.Value : null));
        }

        return new MetricFilter(
            TrailRecords.NameOf(filter, "log_group_name"),
            TrailRecords.NameOf(filter, "name"),
            Observe.Text(filter, "pattern") is var pattern && pattern.TryGetValue(out var text) && text is not null
                ? Observed.Known(text, pattern.Source)
                : Observe.Unresolved<string>(pattern.Unknown?.Detail ?? $"{filter.Address} has no pattern", pattern.Source),
            unresolved ?? Observed.Known<IReadOnlyList<MetricTransformation>>(transformations, filter.Source),
            filter.Source);
    }

    public static Alarm Alarm(ResourceInstance alarm, IacSettings settings)
    {
        var name = TrailRecords.NameOf(alarm, "alarm_name");
        var periods = Observe.Integer(alarm, "evaluation_periods");
        var comparison = Observe.Enum<AlarmComparisonOperator>(alarm, "comparison_operator");
        return new Alarm(
            name,
            settings.Arn("cloudwatch", $"alarm:{name}"),
            Observe.Text(alarm, "metric_name"),
            Observe.Text(alarm, "namespace"),
            Observe.Dimensions(alarm.Get("dimensions"), alarm.SourceOf("dimensions"), $"{alarm.Address}.dimensions"),
            Observe.Enum<Statistic>(alarm, "statistic"),
            Observe.Text(alarm, "extended_statistic"),
            Queries(alarm),
            Observe.Integer(alarm, "period"),
            periods.TryGetValue(out var p) && p is { } count ? Observed.Known(count, periods.Source) : Observe.Unresolved<int>(periods.Unknown?.Detail ?? $"{alarm.Address} has no evaluation_periods", periods.Source),
            Observe.Integer(alarm, "datapoints_to_alarm"),
            Observe.Number(alarm, "threshold"),
            comparison.TryGetValue(out var c) && c is { } op ? Observed.Known(op, comparison.Source) : Observe.Unresolved<AlarmComparisonOperator>(comparison.Unknown?.Detail ?? $"{alarm.Address} has no comparison_operator", comparison.Source),
            Observe.Text(alarm, "treat_missing_data"),
            Observe.Bool(alarm, "actions_enabled", whenUnset: true),
            Observe.Strings(alarm, "alarm_actions"),
            Observe.Strings(alarm, "ok_actions"),
            Observe.Strings(alarm, "insufficient_data_actions"),
            alarm.Source);
    }

    /// <summary><c>metric_query</c> blocks: a metric-math alarm's queries.</summary>
    private static Observed<IReadOnlyList<MetricDataQuery>> Queries(ResourceInstance alarm)
    {
        if (alarm.Generated("metric_query") is { } generated)
        {
            return Observe.Unresolved<IReadOnlyList<MetricDataQuery>>(generated, alarm.Source);
        }

        var queries = new List<MetricDataQuery>();
        foreach (var block in alarm.Body.BlocksOf("metric_query"))
        {
            var at = Source.FromFile(alarm.File, block.Line);
            HclValue Argument(HclBody body, string name) => body.Attribute(name) is { } a ? HclEvaluator.Evaluate(a.Value, alarm.Scope) : HclValue.Null;
            var id = Argument(block.Body, "id");
            var expression = Argument(block.Body, "expression");
            var returnData = Argument(block.Body, "return_data");
            MetricStat? stat = null;
            if (block.Body.BlocksOf("metric").FirstOrDefault() is { } metric)
            {
                var values = new[] { "namespace", "metric_name", "period", "stat" }.Select(n => Argument(metric.Body, n)).ToList();
                var dimensions = Observe.Dimensions(Argument(metric.Body, "dimensions"), at, $"{alarm.Address}.metric_query.metric.dimensions");
                if (values.OfType<HclUnknown>().FirstOrDefault() is { } unknown)
                {
                    return Observe.Unresolved<IReadOnlyList<MetricDataQuery>>(unknown.Why, at);
                }

                if (!dimensions.IsKnown)
                {
                    return Observed<IReadOnlyList<MetricDataQuery>>.NotKnown(dimensions.Unknown, at);
                }

                string Text(HclValue v) => v is HclString s ? s.Value : v is HclNumber n ? n.Text : "";
                stat = new MetricStat(Text(values[0]), Text(values[1]), dimensions.Value, values[2] is HclNumber period ? (int)period.Value : 0, Text(values[3]), Argument(metric.Body, "unit") is HclString u ? u.Value : null);
            }

            if (id is HclUnknown || expression is HclUnknown || returnData is HclUnknown)
            {
                return Observe.Unresolved<IReadOnlyList<MetricDataQuery>>(((HclUnknown)(id is HclUnknown ? id : expression is HclUnknown ? expression : returnData)).Why, at);
            }

            queries.Add(new MetricDataQuery(id is HclString i ? i.Value : "", expression is HclString e ? e.Value : null, stat, returnData is HclBool { Value: true }, Argument(block.Body, "label") is HclString l ? l.Value : null));
        }

        return Observed.Known<IReadOnlyList<MetricDataQuery>>(queries, alarm.Source);
    }
}
