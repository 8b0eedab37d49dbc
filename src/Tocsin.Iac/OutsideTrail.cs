using Tocsin.Core.Inventory;

namespace Tocsin.Iac;

/// <summary>
/// Code without a trail: the trail that feeds its filters is defined elsewhere. With <c>--assume-trail-log-group NAME</c>
/// the team says which log group an existing, sound trail delivers to, and the chain is judged from there. Without it,
/// every log group the code's filters read gets a trail whose settings are unresolved ("outside this code"): a link that
/// surely breaks later still fails, but nothing passes or fails on what the code does not say.
/// </summary>
public static class OutsideTrail
{
    public const string Name = "trail-outside-this-code";

    public static IacRead Add(IacRead read, IacSettings settings, string? assumedLogGroup)
    {
        if (read.Trails.Count > 0)
        {
            return read;
        }

        if (assumedLogGroup is not null)
        {
            var source = Source.FromFile("--assume-trail-log-group");
            return read with { Trails = [Assumed(settings, assumedLogGroup, source)] };
        }

        var groups = read.MetricFilters.Select(f => f.LogGroupName).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return read with
        {
            Trails = groups.Count == 0
                ? [Unresolved(settings, Name, null)]
                : [.. groups.Select(group => Unresolved(settings, $"{Name}-{group}", group))],
        };
    }

    /// <summary>What the team vouches for: multi-region, logging, all management events, into the named log group.</summary>
    private static Trail Assumed(IacSettings settings, string logGroup, Source source) => new(
        settings.Arn("cloudtrail", $"trail/{Name}"),
        Name,
        Observed.Known(settings.Region, source),
        Observed.Known(settings.AccountId, source),
        Observed.Known(true, source),
        Observed.Known(false, source),
        Observed.Known(true, source),
        Observed.Known<string?>(null),
        Observed.Known<DateTimeOffset?>(null),
        Observed.Known<string?>(null),
        Observed.Known<IReadOnlyList<EventSelector>>([new EventSelector(ReadWriteType.All, true, [])], source),
        Observed.Known<IReadOnlyList<AdvancedEventSelector>>([]),
        Observed.Known<string?>(settings.Arn("logs", $"log-group:{logGroup}:*"), source),
        Observed.Known<string?>(null),
        source);

    private static Trail Unresolved(IacSettings settings, string name, string? logGroup)
    {
        var why = new Unknown(UnknownReason.Unresolved, "the trail is outside this code (name the log group it delivers to with --assume-trail-log-group)");
        return new Trail(
            settings.Arn("cloudtrail", $"trail/{name}"),
            name,
            Observed.Known(settings.Region),
            Observed.Known(settings.AccountId),
            Observed<bool>.NotKnown(why),
            Observed.Known(false),
            Observed<bool>.NotKnown(why),
            Observed.Known<string?>(null),
            Observed.Known<DateTimeOffset?>(null),
            Observed.Known<string?>(null),
            Observed<IReadOnlyList<EventSelector>>.NotKnown(why),
            Observed<IReadOnlyList<AdvancedEventSelector>>.NotKnown(why),
            logGroup is null ? Observed<string?>.NotKnown(why) : Observed.Known<string?>(settings.Arn("logs", $"log-group:{logGroup}:*")),
            Observed.Known<string?>(null));
    }
}
