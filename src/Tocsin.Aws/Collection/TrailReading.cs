using Tocsin.Aws.Clients;
using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Collection;

/// <summary>What was read about one trail this account owns: its status and event selectors (one call each, in its home region).</summary>
internal sealed record TrailReading(Observed<TrailStatus> Status, Observed<TrailSelectors> Selectors)
{
    /// <summary>The inventory's trail from a DescribeTrails entry and, for an owned trail, its status and selectors.</summary>
    /// <param name="unread">Why an owned trail has no reading (a scan that stopped once every outcome was decided).</param>
    public static Trail ToTrail(TrailDescription description, string readerAccountId, TrailReading? reading, Unknown? unread = null)
    {
        var owner = description.OwnerAccountId;
        var elsewhere = owner == readerAccountId && unread is not null ? unread : new Unknown(UnknownReason.NotCollected, $"read in the owner account {owner}");
        Observed<TField> From<TField>(Func<TrailReading, Observed<TField>> pick) =>
            reading is null ? Observed<TField>.NotKnown(elsewhere) : pick(reading);

        var status = From(r => r.Status);
        var selectors = From(r => r.Selectors);
        return new Trail(
            description.Arn,
            description.Name,
            description.HomeRegion is { } home ? Observed.Known(home) : Observed.Unknown<string>(UnknownReason.Unavailable, "DescribeTrails gave no HomeRegion"),
            owner is null ? Observed.Unknown<string>(UnknownReason.Unavailable, "the trail ARN names no account") : Observed.Known(owner),
            Known(description.IsMultiRegion, "IsMultiRegionTrail"),
            Known(description.IsOrganizationTrail ?? false, "IsOrganizationTrail"),
            IsLogging(status),
            status.Select(s => s.LatestDeliveryError),
            status.Select(s => s.LatestCloudWatchLogsDeliveryTime),
            status.Select(s => s.LatestCloudWatchLogsDeliveryError),
            selectors.Select(s => s.EventSelectors),
            selectors.Select(s => s.AdvancedEventSelectors),
            Observed.Known(description.CloudWatchLogsLogGroupArn),
            Observed.Known(description.CloudWatchLogsRoleArn),
            Source.FromArn(description.Arn));
    }

    private static Observed<bool> IsLogging(Observed<TrailStatus> status) =>
        !status.TryGetValue(out var known) ? Observed<bool>.NotKnown(status.Unknown!)
        : known.IsLogging is { } logging ? Observed.Known(logging)
        : Observed.Unknown<bool>(UnknownReason.Unavailable, "GetTrailStatus gave no IsLogging");

    private static Observed<bool> Known(bool? value, string member) =>
        value is { } known ? Observed.Known(known) : Observed.Unknown<bool>(UnknownReason.Unavailable, $"DescribeTrails gave no {member}");
}
