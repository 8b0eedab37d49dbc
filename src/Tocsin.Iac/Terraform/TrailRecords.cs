using Tocsin.Core.Inventory;

namespace Tocsin.Iac.Terraform;

/// <summary><c>aws_cloudtrail</c> and <c>aws_cloudwatch_log_group</c> as the inventory's trails and log groups.</summary>
internal static class TrailRecords
{
    private static readonly Unknown DeploymentStatus = new(UnknownReason.NotCollected, "a delivery status exists only once deployed");

    public static Trail Trail(ResourceInstance trail, IacSettings settings)
    {
        var name = NameOf(trail, "name");
        var arn = trail.Attribute("arn") is HclString s ? s.Value : settings.Arn("cloudtrail", $"trail/{name}");
        var (basic, advanced) = Selectors(trail);
        return new Trail(
            arn,
            name,
            Observed.Known(settings.Region, trail.Source),
            Observed.Known(settings.AccountId, trail.Source),
            Observe.Bool(trail, "is_multi_region_trail", whenUnset: false),
            Observe.Bool(trail, "is_organization_trail", whenUnset: false),
            Observe.Bool(trail, "enable_logging", whenUnset: true),
            Observed<string?>.NotKnown(DeploymentStatus, trail.Source),
            Observed<DateTimeOffset?>.NotKnown(DeploymentStatus, trail.Source),
            Observed<string?>.NotKnown(DeploymentStatus, trail.Source),
            basic,
            advanced,
            Observe.Text(trail, "cloud_watch_logs_group_arn"),
            Observe.Text(trail, "cloud_watch_logs_role_arn"),
            trail.Source);
    }

    public static LogGroup LogGroup(ResourceInstance group, IacSettings settings)
    {
        var name = NameOf(group, "name");
        return new LogGroup(settings.Arn("logs", $"log-group:{name}"), name, group.Source);
    }

    /// <summary>A name argument, or the resource address when the name is not known before apply.</summary>
    public static string NameOf(ResourceInstance resource, string argument) =>
        resource.Get(argument) is HclString s ? s.Value : $"{resource.Address} ({argument} unresolved)";

    /// <summary>Basic or advanced selectors; a trail with neither records all management events (CloudTrail's default).</summary>
    private static (Observed<IReadOnlyList<EventSelector>>, Observed<IReadOnlyList<AdvancedEventSelector>>) Selectors(ResourceInstance trail)
    {
        var source = trail.Source;
        if ((trail.Generated("advanced_event_selector") ?? trail.Generated("event_selector")) is { } generated)
        {
            return (Observe.Unresolved<IReadOnlyList<EventSelector>>(generated, source), Observe.Unresolved<IReadOnlyList<AdvancedEventSelector>>(generated, source));
        }

        var advanced = trail.Body.BlocksOf("advanced_event_selector").ToList();
        if (advanced.Count > 0)
        {
            var selectors = new List<AdvancedEventSelector>();
            foreach (var block in advanced)
            {
                var fields = new List<AdvancedFieldSelector>();
                foreach (var field in block.Body.BlocksOf("field_selector"))
                {
                    var values = new Dictionary<string, IReadOnlyList<string>>();
                    foreach (var argument in new[] { "field", "equals", "starts_with", "ends_with", "not_equals", "not_starts_with", "not_ends_with" })
                    {
                        var value = field.Body.Attribute(argument) is { } a ? HclEvaluator.Evaluate(a.Value, trail.Scope) : HclValue.Null;
                        var list = Observe.StringsOf(value is HclString one ? new HclList([one]) : value, Source.FromFile(trail.File, field.Line), $"{trail.Address}.advanced_event_selector.field_selector.{argument}");
                        if (!list.TryGetValue(out var items))
                        {
                            return (Observed.Known<IReadOnlyList<EventSelector>>([], source), Observed<IReadOnlyList<AdvancedEventSelector>>.NotKnown(list.Unknown!, list.Source));
                        }

                        values[argument] = items;
                    }

                    fields.Add(new AdvancedFieldSelector(values["field"].FirstOrDefault() ?? "", values["equals"], values["starts_with"], values["ends_with"], values["not_equals"], values["not_starts_with"], values["not_ends_with"]));
                }

                var name = block.Body.Attribute("name") is { } n && HclEvaluator.Evaluate(n.Value, trail.Scope) is HclString s ? s.Value : null;
                selectors.Add(new AdvancedEventSelector(name, fields));
            }

            return (Observed.Known<IReadOnlyList<EventSelector>>([], source), Observed.Known<IReadOnlyList<AdvancedEventSelector>>(selectors, source));
        }

        var basic = trail.Body.BlocksOf("event_selector").ToList();
        if (basic.Count == 0)
        {
            return (Observed.Known<IReadOnlyList<EventSelector>>([new EventSelector(ReadWriteType.All, true, [])], source), Observed.Known<IReadOnlyList<AdvancedEventSelector>>([], source));
        }

        var list2 = new List<EventSelector>();
        foreach (var block in basic)
        {
            var at = Source.FromFile(trail.File, block.Line);
            var readWrite = block.Body.Attribute("read_write_type") is { } rw ? HclEvaluator.Evaluate(rw.Value, trail.Scope) : new HclString("All");
            var management = block.Body.Attribute("include_management_events") is { } im ? HclEvaluator.Evaluate(im.Value, trail.Scope) : new HclBool(true);
            var excluded = block.Body.Attribute("exclude_management_event_sources") is { } ex ? HclEvaluator.Evaluate(ex.Value, trail.Scope) : HclValue.Null;
            var excludedList = Observe.StringsOf(excluded, at, $"{trail.Address}.event_selector.exclude_management_event_sources");
            if (readWrite is not HclString rwText || !Enum.TryParse<ReadWriteType>(rwText.Value, out var type) || management is not HclBool include || !excludedList.TryGetValue(out var sources))
            {
                var why = readWrite is HclUnknown u1 ? u1.Why : management is HclUnknown u2 ? u2.Why : excludedList.Unknown?.Detail ?? $"{trail.Address} has an event selector this reader cannot tell";
                return (Observe.Unresolved<IReadOnlyList<EventSelector>>(why, at), Observed.Known<IReadOnlyList<AdvancedEventSelector>>([], source));
            }

            list2.Add(new EventSelector(type, include.Value, sources));
        }

        return (Observed.Known<IReadOnlyList<EventSelector>>(list2, source), Observed.Known<IReadOnlyList<AdvancedEventSelector>>([], source));
    }
}
