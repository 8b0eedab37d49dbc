using System.Text.Json.Nodes;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>The CloudTrail model's <c>Trail</c> and <c>CreateTrailResponse</c> shapes.</summary>
internal static class TrailShapes
{
    public static JsonObject Describe(Trail trail)
    {
        var shape = Created(trail);
        shape["HomeRegion"] = trail.HomeRegion;
        shape["HasCustomEventSelectors"] = trail.HasCustomEventSelectors;
        shape["HasInsightSelectors"] = false;
        shape.Remove("IsOrganizationTrail");
        shape["IsOrganizationTrail"] = trail.IsOrganizationTrail;
        return shape;
    }

    public static JsonObject Created(Trail trail)
    {
        var shape = new JsonObject
        {
            ["Name"] = trail.Name,
            ["S3BucketName"] = trail.S3BucketName,
            ["S3KeyPrefix"] = trail.S3KeyPrefix,
            ["SnsTopicName"] = trail.SnsTopicName,
            ["IncludeGlobalServiceEvents"] = trail.IncludeGlobalServiceEvents,
            ["IsMultiRegionTrail"] = trail.IsMultiRegion,
            ["TrailARN"] = trail.Arn,
            ["LogFileValidationEnabled"] = trail.LogFileValidationEnabled,
            ["CloudWatchLogsLogGroupArn"] = trail.CloudWatchLogsLogGroupArn,
            ["CloudWatchLogsRoleArn"] = trail.CloudWatchLogsRoleArn,
            ["KmsKeyId"] = trail.KmsKeyId,
            ["IsOrganizationTrail"] = trail.IsOrganizationTrail,
        };
        if (trail.SnsTopicName is not null)
        {
            shape["SnsTopicARN"] = $"arn:aws:sns:{trail.HomeRegion}:{trail.AccountId}:{trail.SnsTopicName}";
        }

        return shape;
    }
}
