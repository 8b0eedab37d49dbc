using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>CloudWatch Logs: log groups and metric filters (replaced by name; patterns validated and testable).</summary>
internal static partial class LogsService
{
    private const int FiltersPerLogGroup = 100;

    public static readonly ServiceDefinition Definition = new(
        "logs", "logs", WireProtocol.Json, "Logs_20140328", "1.1", null,
        new Dictionary<string, Operation>
        {
            ["CreateLogGroup"] = CreateLogGroup,
            ["DeleteLogGroup"] = DeleteLogGroup,
            ["DescribeLogGroups"] = DescribeLogGroups,
            ["PutRetentionPolicy"] = PutRetentionPolicy,
            ["PutMetricFilter"] = MetricFilterOperations.Put,
            ["DescribeMetricFilters"] = MetricFilterOperations.Describe,
            ["DeleteMetricFilter"] = MetricFilterOperations.Delete,
            ["TestMetricFilter"] = MetricFilterOperations.Test,
            ["ListTagsLogGroup"] = call => new JsonObject { ["tags"] = Tags(Group(call, call.Input.Required("logGroupName", "InvalidParameterException"))) },
            ["ListTagsForResource"] = ListTagsForResource,
            ["TagResource"] = call => null,
        });

    [GeneratedRegex(@"^[\.\-_/#A-Za-z0-9]{1,512}$")]
    private static partial Regex LogGroupName();

    public static LogGroup Group(CallContext call, string name) =>
        call.Here.LogGroups.GetValueOrDefault(name)
        ?? throw new AwsError("ResourceNotFoundException", "The specified log group does not exist.");

    private static JsonObject? CreateLogGroup(CallContext call)
    {
        var name = call.Input.Required("logGroupName", "InvalidParameterException");
        if (!LogGroupName().IsMatch(name))
        {
            throw new AwsError("InvalidParameterException", $"1 validation error detected: Value '{name}' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+");
        }

        if (call.Here.LogGroups.ContainsKey(name))
        {
            throw new AwsError("ResourceAlreadyExistsException", "The specified log group already exists");
        }

        var group = new LogGroup(call.Account.Id, call.Region, name, call.Now) { KmsKeyId = call.Input.Str("kmsKeyId") };
        foreach (var (key, value) in call.Input.Map("tags"))
        {
            group.Tags[key] = value;
        }

        call.Here.LogGroups[name] = group;
        return null;
    }

    private static JsonObject? DeleteLogGroup(CallContext call)
    {
        var group = Group(call, call.Input.Required("logGroupName", "InvalidParameterException"));
        call.Here.LogGroups.Remove(group.Name);
        return null;
    }

    private static JsonObject? PutRetentionPolicy(CallContext call)
    {
        var group = Group(call, call.Input.Required("logGroupName", "InvalidParameterException"));
        group.RetentionInDays = call.Input.Int("retentionInDays");
        return null;
    }

    private static JsonObject DescribeLogGroups(CallContext call)
    {
        var prefix = call.Input.Str("logGroupNamePrefix") ?? string.Empty;
        var pattern = call.Input.Str("logGroupNamePattern");
        var limit = call.Input.Int("limit");
        if (limit is < 1 or > 50)
        {
            throw new AwsError("InvalidParameterException", $"1 validation error detected: Value '{limit}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50");
        }

        var groups = call.Here.LogGroups.Values
            .Where(group => group.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Where(group => pattern is null || group.Name.Contains(pattern, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var page = Paging.Page(groups, call.Input.Str("nextToken"), limit, 50, 50, "InvalidParameterException");
        var output = new JsonObject { ["logGroups"] = new JsonArray([.. page.Items.Select(Shape)]) };
        output["nextToken"] = page.NextToken;
        return output;
    }

    private static JsonNode Shape(LogGroup group)
    {
        var shape = new JsonObject
        {
            ["logGroupName"] = group.Name,
            ["creationTime"] = group.Created.ToUnixTimeMilliseconds(),
            ["metricFilterCount"] = group.MetricFilters.Count,
            ["arn"] = group.Arn + ":*",
            ["storedBytes"] = 0,
            ["logGroupClass"] = "STANDARD",
            ["logGroupArn"] = group.Arn,
        };
        if (group.RetentionInDays is { } days)
        {
            shape["retentionInDays"] = days;
        }

        if (group.KmsKeyId is { } key)
        {
            shape["kmsKeyId"] = key;
        }

        return shape;
    }

    private static JsonObject ListTagsForResource(CallContext call)
    {
        var arn = call.Input.Required("resourceArn", "InvalidParameterException");
        var name = arn.Split(':').ElementAtOrDefault(6) ?? string.Empty;
        return new JsonObject { ["tags"] = Tags(Group(call, name)) };
    }

    private static JsonObject Tags(LogGroup group)
    {
        var tags = new JsonObject();
        foreach (var (key, value) in group.Tags)
        {
            tags[key] = value;
        }

        return tags;
    }

    public const int MaxFilters = FiltersPerLogGroup;
}
