using System.Text.Json.Nodes;

namespace Tocsin.Emulator.State;

/// <summary>A CloudTrail trail, held in its home region of its owning account.</summary>
public sealed class Trail(string accountId, string homeRegion, string name)
{
    public string AccountId { get; } = accountId;

    public string HomeRegion { get; } = homeRegion;

    public string Name { get; } = name;

    public string Arn => $"arn:aws:cloudtrail:{HomeRegion}:{AccountId}:trail/{Name}";

    public string? S3BucketName { get; set; }

    public string? S3KeyPrefix { get; set; }

    public string? SnsTopicName { get; set; }

    public bool IncludeGlobalServiceEvents { get; set; } = true;

    public bool IsMultiRegion { get; set; }

    public bool IsOrganizationTrail { get; set; }

    public bool LogFileValidationEnabled { get; set; }

    public string? CloudWatchLogsLogGroupArn { get; set; }

    public string? CloudWatchLogsRoleArn { get; set; }

    public string? KmsKeyId { get; set; }

    public bool IsLogging { get; set; }

    public DateTimeOffset? StartLoggingTime { get; set; }

    public DateTimeOffset? StopLoggingTime { get; set; }

    /// <summary>Basic selectors; a new trail has AWS's default: all management events, read and write.</summary>
    public JsonArray? EventSelectors { get; set; } = DefaultSelectors();

    public JsonArray? AdvancedEventSelectors { get; set; }

    public bool HasCustomEventSelectors { get; set; }

    public SortedDictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);

    // each element as a JsonNode: a collection expression of JsonObject would call JsonArray.Add<T>, which a native
    // build refuses (it may serialize T by reflection)
    public static JsonArray DefaultSelectors() =>
    [
        (JsonNode)new JsonObject
        {
            ["ReadWriteType"] = "All",
            ["IncludeManagementEvents"] = true,
            ["DataResources"] = new JsonArray(),
            ["ExcludeManagementEventSources"] = new JsonArray(),
        },
    ];
}
