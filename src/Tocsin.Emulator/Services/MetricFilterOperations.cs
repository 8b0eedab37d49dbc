using System.Text.Json.Nodes;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>Put/Describe/Delete/TestMetricFilter. A put under an existing name replaces that filter, as AWS does.</summary>
internal static class MetricFilterOperations
{
    public static JsonObject? Put(CallContext call)
    {
        var group = LogsService.Group(call, call.Input.Required("logGroupName", "InvalidParameterException"));
        var name = call.Input.Required("filterName", "InvalidParameterException");
        var pattern = call.Input.Str("filterPattern") ?? throw new AwsError("InvalidParameterException", "1 validation error detected: Value null at 'filterPattern' failed to satisfy constraint: Member must not be null");
        var transformations = call.Input.Objects("metricTransformations");
        if (transformations.Count != 1)
        {
            throw new AwsError("InvalidParameterException", "1 validation error detected: Value at 'metricTransformations' failed to satisfy constraint: Member must have length less than or equal to 1");
        }

        if (FilterPatterns.Problem(pattern) is not null)
        {
            throw new AwsError("InvalidParameterException", "Invalid metric filter pattern");
        }

        var transformation = transformations[0];
        var stored = new JsonObject
        {
            ["metricName"] = transformation.Required("metricName", "InvalidParameterException"),
            ["metricNamespace"] = transformation.Required("metricNamespace", "InvalidParameterException"),
            ["metricValue"] = transformation.Required("metricValue", "InvalidParameterException"),
        };
        if (transformation.Number("defaultValue") is { } defaultValue)
        {
            stored["defaultValue"] = defaultValue;
        }

        if (transformation["dimensions"] is JsonObject dimensions && dimensions.Count > 0)
        {
            stored["dimensions"] = dimensions.DeepClone();
        }

        if (transformation.Str("unit") is { } unit)
        {
            stored["unit"] = unit;
        }

        if (!group.MetricFilters.ContainsKey(name) && group.MetricFilters.Count >= LogsService.MaxFilters)
        {
            throw new AwsError("LimitExceededException", "Resource limit exceeded.");
        }

        var created = group.MetricFilters.TryGetValue(name, out var existing) ? existing.Created : call.Now;
        group.MetricFilters[name] = new MetricFilter(name, pattern, [(JsonNode)stored], created);
        return null;
    }

    public static JsonObject Describe(CallContext call)
    {
        var groupName = call.Input.Str("logGroupName");
        var prefix = call.Input.Str("filterNamePrefix");
        var metricName = call.Input.Str("metricName");
        var metricNamespace = call.Input.Str("metricNamespace");
        if (prefix is not null && groupName is null)
        {
            throw new AwsError("InvalidParameterException", "If filterNamePrefix is specified, logGroupName must also be specified.");
        }

        if (metricName is null != metricNamespace is null)
        {
            throw new AwsError("InvalidParameterException", "metricName and metricNamespace must be specified together.");
        }

        IEnumerable<LogGroup> groups = groupName is null
            ? call.Here.LogGroups.Values
            : call.Here.LogGroups.TryGetValue(groupName, out var named) ? [named] : throw new AwsError("ResourceNotFoundException", "The specified log group does not exist.");
        var filters = groups
            .SelectMany(group => group.MetricFilters.Values.Select(filter => (Group: group, Filter: filter)))
            .Where(item => prefix is null || item.Filter.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Where(item => metricName is null || item.Filter.Transformations.OfType<JsonObject>().Any(t => t.Str("metricName") == metricName && t.Str("metricNamespace") == metricNamespace))
            .ToList();
        var page = Paging.Page(filters, call.Input.Str("nextToken"), call.Input.Int("limit"), 50, 50, "InvalidParameterException");
        var output = new JsonObject
        {
            ["metricFilters"] = new JsonArray([.. page.Items.Select(item => (JsonNode)new JsonObject
            {
                ["filterName"] = item.Filter.Name,
                ["filterPattern"] = item.Filter.Pattern,
                ["metricTransformations"] = item.Filter.Transformations.DeepClone(),
                ["creationTime"] = item.Filter.Created.ToUnixTimeMilliseconds(),
                ["logGroupName"] = item.Group.Name,
                ["applyOnTransformedLogs"] = false,
            })]),
        };
        output["nextToken"] = page.NextToken;
        return output;
    }

    public static JsonObject? Delete(CallContext call)
    {
        var group = LogsService.Group(call, call.Input.Required("logGroupName", "InvalidParameterException"));
        var name = call.Input.Required("filterName", "InvalidParameterException");
        if (!group.MetricFilters.Remove(name))
        {
            throw new AwsError("ResourceNotFoundException", "The specified metric filter does not exist.");
        }

        return null;
    }

    public static JsonObject Test(CallContext call)
    {
        var pattern = call.Input.Str("filterPattern") ?? throw new AwsError("InvalidParameterException", "1 validation error detected: Value null at 'filterPattern' failed to satisfy constraint: Member must not be null");
        var messages = call.Input.Strings("logEventMessages");
        if (messages.Count is < 1 or > 50)
        {
            throw new AwsError("InvalidParameterException", "1 validation error detected: Value at 'logEventMessages' failed to satisfy constraint: Member must have length between 1 and 50");
        }

        var matches = FilterPatterns.Test(pattern, messages);
        return new JsonObject
        {
            ["matches"] = new JsonArray([.. matches.Select(match =>
            {
                var extracted = new JsonObject();
                foreach (var (key, value) in match.ExtractedValues)
                {
                    extracted[key] = value;
                }

                return (JsonNode)new JsonObject
                {
                    ["eventNumber"] = match.EventNumber,
                    ["eventMessage"] = match.Message,
                    ["extractedValues"] = extracted,
                };
            })]),
        };
    }
}
