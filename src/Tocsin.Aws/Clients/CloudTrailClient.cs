using System.Text.Json.Nodes;
using Tocsin.Aws.Http;
using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Clients;

/// <summary>A trail as DescribeTrails lists it (shadow copies of multi-region and organization trails included).</summary>
public sealed record TrailDescription(
    string Arn,
    string Name,
    string? HomeRegion,
    bool? IsMultiRegion,
    bool? IsOrganizationTrail,
    string? CloudWatchLogsLogGroupArn,
    string? CloudWatchLogsRoleArn)
{
    /// <summary>The account in the trail's ARN: the owner, which differs from the reader for an organization trail.</summary>
    public string? OwnerAccountId => Arn.Split(':') is { Length: > 5 } parts ? parts[4] : null;
}

/// <summary>GetTrailStatus: whether the trail records, and how its deliveries go.</summary>
public sealed record TrailStatus(bool? IsLogging, string? LatestDeliveryError, DateTimeOffset? LatestCloudWatchLogsDeliveryTime, string? LatestCloudWatchLogsDeliveryError);

/// <summary>GetEventSelectors: basic or advanced selectors (one list is empty).</summary>
public sealed record TrailSelectors(IReadOnlyList<EventSelector> EventSelectors, IReadOnlyList<AdvancedEventSelector> AdvancedEventSelectors);

/// <summary>What an UpdateTrail changes: null members are not sent, so the trail keeps them.</summary>
public sealed record TrailUpdate(bool? MultiRegion = null, string? LogGroupArn = null, string? RoleArn = null);

/// <summary>CloudTrail over awsJson1_1.</summary>
public sealed class CloudTrailClient(AwsSession session)
{
    private const string Target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";

    /// <summary>Every trail that applies to <paramref name="region"/>, shadow trails included.</summary>
    [RequiresPermission("cloudtrail:DescribeTrails")]
    public async Task<IReadOnlyList<TrailDescription>> DescribeTrailsAsync(string region, CancellationToken cancellationToken)
    {
        var reply = await session.JsonAsync(AwsService.CloudTrail, region, Target, "DescribeTrails", new JsonObject { ["includeShadowTrails"] = true }, cancellationToken);
        return [.. reply.Array("trailList").Where(t => t.Str("TrailARN") is not null).Select(t => new TrailDescription(
            t.Str("TrailARN")!,
            t.Str("Name") ?? t.Str("TrailARN")!,
            t.Str("HomeRegion"),
            t.Bool("IsMultiRegionTrail"),
            t.Bool("IsOrganizationTrail"),
            t.Str("CloudWatchLogsLogGroupArn"),
            t.Str("CloudWatchLogsRoleArn")))];
    }

    /// <summary>The status of a trail, asked in its home region by ARN.</summary>
    [RequiresPermission("cloudtrail:GetTrailStatus")]
    public async Task<TrailStatus> GetTrailStatusAsync(string region, string trailArn, CancellationToken cancellationToken)
    {
        var reply = await session.JsonAsync(AwsService.CloudTrail, region, Target, "GetTrailStatus", new JsonObject { ["Name"] = trailArn }, cancellationToken);
        return new TrailStatus(reply.Bool("IsLogging"), reply.Str("LatestDeliveryError"), reply.Time("LatestCloudWatchLogsDeliveryTime"), reply.Str("LatestCloudWatchLogsDeliveryError"));
    }

    [RequiresPermission("cloudtrail:GetEventSelectors")]
    public async Task<TrailSelectors> GetEventSelectorsAsync(string region, string trailArn, CancellationToken cancellationToken)
    {
        var reply = await session.JsonAsync(AwsService.CloudTrail, region, Target, "GetEventSelectors", new JsonObject { ["TrailName"] = trailArn }, cancellationToken);
        var basic = reply.Array("EventSelectors").Select(s => new EventSelector(
            ReadWrite(s.Str("ReadWriteType")),
            s.Bool("IncludeManagementEvents") ?? true,
            s.Strings("ExcludeManagementEventSources")));
        var advanced = reply.Array("AdvancedEventSelectors").Select(s => new AdvancedEventSelector(
            s.Str("Name"),
            [.. s.Array("FieldSelectors").Select(f => new AdvancedFieldSelector(
                f.Str("Field") ?? "",
                f.Strings("Equals"),
                f.Strings("StartsWith"),
                f.Strings("EndsWith"),
                f.Strings("NotEquals"),
                f.Strings("NotStartsWith"),
                f.Strings("NotEndsWith")))]));
        return new TrailSelectors([.. basic], [.. advanced]);
    }

    /// <summary>The reply of GetEventSelectors as sent, so a rewrite keeps what Tocsin's model does not read (data resources).</summary>
    [RequiresPermission("cloudtrail:GetEventSelectors")]
    public Task<JsonObject> GetEventSelectorsRawAsync(string region, string trailArn, CancellationToken cancellationToken) =>
        session.JsonAsync(AwsService.CloudTrail, region, Target, "GetEventSelectors", new JsonObject { ["TrailName"] = trailArn }, cancellationToken);

    /// <summary>Replaces the trail's selectors with <paramref name="eventSelectors"/> or <paramref name="advancedEventSelectors"/> (one of them).</summary>
    [RequiresPermission("cloudtrail:PutEventSelectors", ForApply = true)]
    public async Task PutEventSelectorsAsync(string region, string trailArn, JsonArray? eventSelectors, JsonArray? advancedEventSelectors, CancellationToken cancellationToken)
    {
        var input = new JsonObject { ["TrailName"] = trailArn };
        if (advancedEventSelectors is not null)
        {
            input["AdvancedEventSelectors"] = advancedEventSelectors.DeepClone();
        }
        else
        {
            input["EventSelectors"] = (eventSelectors ?? []).DeepClone();
        }

        await session.JsonAsync(AwsService.CloudTrail, region, Target, "PutEventSelectors", input, cancellationToken);
    }

    /// <summary>A multi-region trail (global service events included) writing to the bucket and delivering to the log group through the role.</summary>
    [RequiresPermission("cloudtrail:CreateTrail", ForApply = true)]
    [RequiresPermission("iam:PassRole", ForApply = true)]
    public async Task CreateTrailAsync(string region, string name, string bucket, string? logGroupArn, string? roleArn, CancellationToken cancellationToken)
    {
        var input = new JsonObject
        {
            ["Name"] = name,
            ["S3BucketName"] = bucket,
            ["IsMultiRegionTrail"] = true,
            ["IncludeGlobalServiceEvents"] = true,
        };
        if (logGroupArn is not null && roleArn is not null)
        {
            input["CloudWatchLogsLogGroupArn"] = logGroupArn;
            input["CloudWatchLogsRoleArn"] = roleArn;
        }

        await session.JsonAsync(AwsService.CloudTrail, region, Target, "CreateTrail", input, cancellationToken);
    }

    /// <summary>UpdateTrail with only the members given; the others are left as they are.</summary>
    [RequiresPermission("cloudtrail:UpdateTrail", ForApply = true)]
    [RequiresPermission("iam:PassRole", ForApply = true)]
    public async Task UpdateTrailAsync(string region, string trailArn, TrailUpdate update, CancellationToken cancellationToken)
    {
        var input = new JsonObject { ["Name"] = trailArn };
        if (update.MultiRegion is { } multiRegion)
        {
            input["IsMultiRegionTrail"] = multiRegion;
            if (multiRegion)
            {
                input["IncludeGlobalServiceEvents"] = true;
            }
        }

        if (update.LogGroupArn is not null && update.RoleArn is not null)
        {
            input["CloudWatchLogsLogGroupArn"] = update.LogGroupArn;
            input["CloudWatchLogsRoleArn"] = update.RoleArn;
        }

        await session.JsonAsync(AwsService.CloudTrail, region, Target, "UpdateTrail", input, cancellationToken);
    }

    /// <summary>Starts recording; called by name in the trail's home region (AWS takes a name or an ARN).</summary>
    [RequiresPermission("cloudtrail:StartLogging", ForApply = true)]
    public async Task StartLoggingAsync(string region, string trailName, CancellationToken cancellationToken) =>
        await session.JsonAsync(AwsService.CloudTrail, region, Target, "StartLogging", new JsonObject { ["Name"] = trailName }, cancellationToken);

    /// <summary>AWS's default ReadWriteType is All.</summary>
    private static ReadWriteType ReadWrite(string? text) => text switch
    {
        "ReadOnly" => ReadWriteType.ReadOnly,
        "WriteOnly" => ReadWriteType.WriteOnly,
        _ => ReadWriteType.All,
    };
}
