namespace Tocsin.Core.Inventory;

/// <summary>A CloudTrail trail, as DescribeTrails, GetTrailStatus and GetEventSelectors describe it.</summary>
/// <param name="Arn">The trail ARN; its account is the owner, which differs from the reading account for an organization trail.</param>
/// <param name="Name">The trail name.</param>
/// <param name="HomeRegion">The region the trail was created in.</param>
/// <param name="OwnerAccountId">The account that owns the trail.</param>
/// <param name="IsMultiRegion">IsMultiRegionTrail.</param>
/// <param name="IsOrganizationTrail">IsOrganizationTrail.</param>
/// <param name="IsLogging">GetTrailStatus IsLogging.</param>
/// <param name="LatestDeliveryError">The latest S3 delivery error, null when there is none.</param>
/// <param name="LatestCloudWatchLogsDeliveryTime">When CloudTrail last delivered to CloudWatch Logs, null when never.</param>
/// <param name="LatestCloudWatchLogsDeliveryError">The latest CloudWatch Logs delivery error, null when there is none.</param>
/// <param name="EventSelectors">Basic event selectors; empty when the trail uses advanced selectors.</param>
/// <param name="AdvancedEventSelectors">Advanced event selectors; empty when the trail uses basic selectors.</param>
/// <param name="CloudWatchLogsLogGroupArn">CloudWatchLogsLogGroupArn as AWS reports it (usually ending in <c>:*</c>), null when not set.</param>
/// <param name="CloudWatchLogsRoleArn">CloudWatchLogsRoleArn, null when not set.</param>
public sealed record Trail(
    string Arn,
    string Name,
    Observed<string> HomeRegion,
    Observed<string> OwnerAccountId,
    Observed<bool> IsMultiRegion,
    Observed<bool> IsOrganizationTrail,
    Observed<bool> IsLogging,
    Observed<string?> LatestDeliveryError,
    Observed<DateTimeOffset?> LatestCloudWatchLogsDeliveryTime,
    Observed<string?> LatestCloudWatchLogsDeliveryError,
    Observed<IReadOnlyList<EventSelector>> EventSelectors,
    Observed<IReadOnlyList<AdvancedEventSelector>> AdvancedEventSelectors,
    Observed<string?> CloudWatchLogsLogGroupArn,
    Observed<string?> CloudWatchLogsRoleArn,
    Source? Source = null);
