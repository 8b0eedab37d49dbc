using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>CloudTrail trails: create, change, start and stop, and the describe calls with shadow trails.</summary>
internal static partial class CloudTrailService
{
    public static readonly ServiceDefinition Definition = new(
        "cloudtrail", "cloudtrail", WireProtocol.Json, "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101", "1.1", null,
        new Dictionary<string, Operation>
        {
            ["CreateTrail"] = CreateTrail,
            ["UpdateTrail"] = UpdateTrail,
            ["DeleteTrail"] = DeleteTrail,
            ["StartLogging"] = call => SetLogging(call, true),
            ["StopLogging"] = call => SetLogging(call, false),
            ["DescribeTrails"] = DescribeTrails,
            ["GetTrail"] = call => new JsonObject { ["Trail"] = TrailShapes.Describe(TrailVisibility.Find(call, call.Input.Required("Name", "InvalidTrailNameException"))) },
            ["GetTrailStatus"] = GetTrailStatus,
            ["ListTrails"] = ListTrails,
            ["GetEventSelectors"] = EventSelectorOperations.Get,
            ["PutEventSelectors"] = EventSelectorOperations.Put,
            ["ListTags"] = ListTags,
        });

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$")]
    private static partial Regex TrailName();

    private static JsonObject CreateTrail(CallContext call)
    {
        var name = call.Input.Required("Name", "InvalidTrailNameException");
        if (!TrailName().IsMatch(name) || name.Contains("..", StringComparison.Ordinal))
        {
            throw new AwsError("InvalidTrailNameException", "Trail name must starts with a letter or number, contain only ASCII letters, numbers, periods, underscores and hyphens, and be between 3 and 128 characters long.");
        }

        if (call.Account.Regions.SelectMany(region => region.Trails.Values).Any(trail => trail.Name == name))
        {
            throw new AwsError("TrailAlreadyExistsException", $"Trail {name} already exists for customer: {call.Account.Id}");
        }

        var trail = new Trail(call.Account.Id, call.Region, name);
        Apply(call, trail, creating: true);
        call.Here.Trails[name] = trail;
        return TrailShapes.Created(trail);
    }

    private static JsonObject UpdateTrail(CallContext call)
    {
        var trail = TrailVisibility.FindOwned(call, call.Input.Required("Name", "InvalidTrailNameException"));
        Apply(call, trail, creating: false);
        return TrailShapes.Created(trail);
    }

    /// <summary>Applies CreateTrail/UpdateTrail members, validating them as CloudTrail does.</summary>
    private static void Apply(CallContext call, Trail trail, bool creating)
    {
        var input = call.Input;
        var bucket = input.Str("S3BucketName");
        if (creating && string.IsNullOrEmpty(bucket))
        {
            throw new AwsError("InvalidS3BucketNameException", "S3 bucket name is required.");
        }

        if (!string.IsNullOrEmpty(bucket))
        {
            if (!call.State.Buckets.ContainsKey(bucket))
            {
                throw new AwsError("S3BucketDoesNotExistException", $"S3 bucket {bucket} does not exist.");
            }

            trail.S3BucketName = bucket;
        }

        if (input.Has("S3KeyPrefix"))
        {
            trail.S3KeyPrefix = NullIfEmpty(input.Str("S3KeyPrefix"));
        }

        if (input.Has("SnsTopicName"))
        {
            trail.SnsTopicName = NullIfEmpty(input.Str("SnsTopicName"));
        }

        trail.IncludeGlobalServiceEvents = input.Bool("IncludeGlobalServiceEvents") ?? trail.IncludeGlobalServiceEvents;
        trail.IsMultiRegion = input.Bool("IsMultiRegionTrail") ?? trail.IsMultiRegion;
        trail.LogFileValidationEnabled = input.Bool("EnableLogFileValidation") ?? trail.LogFileValidationEnabled;
        if (input.Has("KmsKeyId"))
        {
            trail.KmsKeyId = NullIfEmpty(input.Str("KmsKeyId"));
        }

        if (trail.IsMultiRegion && !trail.IncludeGlobalServiceEvents)
        {
            throw new AwsError("InvalidParameterCombinationException", "Multi-Region trail must include global service events.");
        }

        if (input.Bool("IsOrganizationTrail") is { } organizationTrail)
        {
            if (organizationTrail)
            {
                var organization = call.State.Organization ?? throw new AwsError("OrganizationsNotInUseException", "This account is not a member of an organization.");
                if (organization.ManagementAccountId != call.Account.Id)
                {
                    throw new AwsError("NotOrganizationMasterAccountException", "The request was rejected because the current account is not the management account of the organization.");
                }
            }

            trail.IsOrganizationTrail = organizationTrail;
        }

        if (input.Has("CloudWatchLogsLogGroupArn") || input.Has("CloudWatchLogsRoleArn"))
        {
            var groupArn = NullIfEmpty(input.Str("CloudWatchLogsLogGroupArn"));
            var roleArn = NullIfEmpty(input.Str("CloudWatchLogsRoleArn"));
            if (groupArn is null != roleArn is null)
            {
                throw groupArn is null
                    ? new AwsError("InvalidCloudWatchLogsLogGroupArnException", "You must specify a log group and a role ARN.")
                    : new AwsError("InvalidCloudWatchLogsRoleArnException", "You must specify a log group and a role ARN.");
            }

            if (groupArn is not null)
            {
                CheckLogDelivery(call, groupArn, roleArn!);
            }

            trail.CloudWatchLogsLogGroupArn = groupArn;
            trail.CloudWatchLogsRoleArn = roleArn;
        }
    }

    /// <summary>CloudTrail refuses a log group that does not exist or a role it cannot assume.</summary>
    private static void CheckLogDelivery(CallContext call, string groupArn, string roleArn)
    {
        var parts = groupArn.Split(':');
        if (parts.Length < 7 || parts[2] != "logs" || parts[5] != "log-group")
        {
            throw new AwsError("InvalidCloudWatchLogsLogGroupArnException", "CloudWatch Logs log group ARN is invalid.");
        }

        var groupRegion = parts[3];
        var groupAccount = parts[4];
        if (groupAccount != call.Account.Id || !call.Account.Region(groupRegion).LogGroups.ContainsKey(parts[6]))
        {
            throw new AwsError("InvalidCloudWatchLogsLogGroupArnException", "Access denied. Verify in IAM that the role has adequate permissions.");
        }

        var roleName = roleArn[(roleArn.LastIndexOf('/') + 1)..];
        if (!roleArn.StartsWith($"arn:aws:iam::{call.Account.Id}:role/", StringComparison.Ordinal) || !call.Account.Roles.ContainsKey(roleName))
        {
            throw new AwsError("InvalidCloudWatchLogsRoleArnException", "Access denied. Check the trust relationships for your role.");
        }
    }

    private static JsonObject? DeleteTrail(CallContext call)
    {
        var trail = TrailVisibility.FindOwned(call, call.Input.Required("Name", "InvalidTrailNameException"));
        call.Here.Trails.Remove(trail.Name);
        return new JsonObject();
    }

    private static JsonObject SetLogging(CallContext call, bool logging)
    {
        var trail = TrailVisibility.FindOwned(call, call.Input.Required("Name", "InvalidTrailNameException"));
        if (trail.IsLogging != logging)
        {
            trail.IsLogging = logging;
            if (logging)
            {
                trail.StartLoggingTime = call.Now;
            }
            else
            {
                trail.StopLoggingTime = call.Now;
            }
        }

        return new JsonObject();
    }

    private static JsonObject DescribeTrails(CallContext call)
    {
        var includeShadows = call.Input.Bool("includeShadowTrails") ?? true;
        var wanted = call.Input.Strings("trailNameList");
        var trails = TrailVisibility.From(call)
            .Where(seen => includeShadows || !seen.IsShadow)
            .Where(seen => wanted.Count == 0 || wanted.Contains(seen.Trail.Name) || wanted.Contains(seen.Trail.Arn))
            .Select(seen => (JsonNode)TrailShapes.Describe(seen.Trail));
        return new JsonObject { ["trailList"] = new JsonArray([.. trails]) };
    }

    private static JsonObject GetTrailStatus(CallContext call)
    {
        var trail = TrailVisibility.Find(call, call.Input.Required("Name", "InvalidTrailNameException"));
        var status = new JsonObject { ["IsLogging"] = trail.IsLogging };
        if (trail.StartLoggingTime is { } started)
        {
            status["StartLoggingTime"] = JsonValue.Create(started);
            status["TimeLoggingStarted"] = started.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (trail.StopLoggingTime is { } stopped)
        {
            status["StopLoggingTime"] = JsonValue.Create(stopped);
            status["TimeLoggingStopped"] = stopped.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (trail.IsLogging && trail.CloudWatchLogsLogGroupArn is not null)
        {
            status["LatestCloudWatchLogsDeliveryTime"] = JsonValue.Create(call.Now);
        }

        return status;
    }

    private static JsonObject ListTrails(CallContext call)
    {
        var all = call.Account.Regions.SelectMany(region => region.Trails.Values)
            .Concat(TrailVisibility.From(call).Select(seen => seen.Trail))
            .Distinct()
            .OrderBy(trail => trail.Arn, StringComparer.Ordinal)
            .ToList();
        var page = Paging.Page(all, call.Input.Str("NextToken"), null, 50, 50, "InvalidNextTokenException");
        var output = new JsonObject
        {
            ["Trails"] = new JsonArray([.. page.Items.Select(trail => (JsonNode)new JsonObject { ["TrailARN"] = trail.Arn, ["Name"] = trail.Name, ["HomeRegion"] = trail.HomeRegion })]),
        };
        output["NextToken"] = page.NextToken;
        return output;
    }

    private static JsonObject ListTags(CallContext call)
    {
        var list = call.Input.Strings("ResourceIdList")
            .Select(arn => (JsonNode)new JsonObject { ["ResourceId"] = arn, ["TagsList"] = new JsonArray() });
        return new JsonObject { ["ResourceTagList"] = new JsonArray([.. list]) };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
