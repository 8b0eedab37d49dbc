using System.Net;
using System.Text.Json.Nodes;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>CloudWatch metric alarms, served in every protocol its model lists: awsQuery, awsJson1_0 and Smithy RPC v2 CBOR.</summary>
internal static class CloudWatchService
{
    private static readonly string[] States = ["OK", "ALARM", "INSUFFICIENT_DATA"];

    public static readonly ServiceDefinition Definition = new(
        "monitoring", "cloudwatch", WireProtocol.Query, "GraniteServiceVersion20100801", "1.0", "http://monitoring.amazonaws.com/doc/2010-08-01/",
        new Dictionary<string, Operation>
        {
            ["PutMetricAlarm"] = AlarmWriter.Put,
            ["DescribeAlarms"] = DescribeAlarms,
            ["DescribeAlarmsForMetric"] = DescribeAlarmsForMetric,
            ["DeleteAlarms"] = DeleteAlarms,
            ["EnableAlarmActions"] = call => SetActionsEnabled(call, true),
            ["DisableAlarmActions"] = call => SetActionsEnabled(call, false),
            ["SetAlarmState"] = SetAlarmState,
            ["ListTagsForResource"] = ListTagsForResource,
            ["TagResource"] = TagResource,
        })
    {
        QueryCompatible = true,
    };

    private static JsonObject DescribeAlarms(CallContext call)
    {
        var names = call.Input.Strings("AlarmNames");
        var prefix = call.Input.Str("AlarmNamePrefix");
        var actionPrefix = call.Input.Str("ActionPrefix");
        var stateValue = call.Input.Str("StateValue");
        var types = call.Input.Strings("AlarmTypes");
        if (names.Count > 0 && prefix is not null)
        {
            throw new AwsError("InvalidParameterCombination", "AlarmNames and AlarmNamePrefix cannot be used together.");
        }

        var wantMetricAlarms = types.Count == 0 || types.Contains("MetricAlarm");
        var alarms = call.Here.Alarms.Values
            .Where(_ => wantMetricAlarms)
            .Where(alarm => names.Count == 0 || names.Contains(alarm.Name))
            .Where(alarm => prefix is null || alarm.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Where(alarm => stateValue is null || alarm.StateValue == stateValue)
            .Where(alarm => actionPrefix is null || alarm.AlarmActions.Concat(alarm.OkActions).Concat(alarm.InsufficientDataActions).Any(action => action.StartsWith(actionPrefix, StringComparison.Ordinal)))
            .ToList();
        var page = Paging.Page(alarms, call.Input.Str("NextToken"), call.Input.Int("MaxRecords"), 50, 100, "InvalidNextToken");
        var output = new JsonObject
        {
            ["MetricAlarms"] = new JsonArray([.. page.Items.Select(AlarmShape.Of)]),
            ["CompositeAlarms"] = new JsonArray(),
        };
        output["NextToken"] = page.NextToken;
        return output;
    }

    private static JsonObject DescribeAlarmsForMetric(CallContext call)
    {
        var metricName = call.Input.Required("MetricName", "InvalidParameterValue");
        var metricNamespace = call.Input.Required("Namespace", "InvalidParameterValue");
        var statistic = call.Input.Str("Statistic");
        var period = call.Input.Int("Period");
        var dimensions = call.Input.Objects("Dimensions").Select(d => new KeyValuePair<string, string>(d.Str("Name") ?? string.Empty, d.Str("Value") ?? string.Empty)).ToList();
        var alarms = call.Here.Alarms.Values
            .Where(alarm => alarm.MetricName == metricName && alarm.Namespace == metricNamespace)
            .Where(alarm => statistic is null || alarm.Statistic == statistic)
            .Where(alarm => period is null || alarm.Period == period)
            .Where(alarm => dimensions.Count == 0 || (alarm.Dimensions.Count == dimensions.Count && dimensions.All(alarm.Dimensions.Contains)));
        return new JsonObject { ["MetricAlarms"] = new JsonArray([.. alarms.Select(AlarmShape.Of)]) };
    }

    private static JsonObject? DeleteAlarms(CallContext call)
    {
        var names = call.Input.Strings("AlarmNames");
        var missing = names.Where(name => !call.Here.Alarms.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            throw new AwsError("ResourceNotFound", $"{missing[0]} does not exist.", HttpStatusCode.NotFound);
        }

        foreach (var name in names)
        {
            call.Here.Alarms.Remove(name);
        }

        return null;
    }

    /// <summary>Enable/DisableAlarmActions: names that are not alarms are ignored, as CloudWatch does.</summary>
    private static JsonObject? SetActionsEnabled(CallContext call, bool enabled)
    {
        foreach (var name in call.Input.Strings("AlarmNames"))
        {
            if (call.Here.Alarms.TryGetValue(name, out var alarm))
            {
                alarm.ActionsEnabled = enabled;
            }
        }

        return null;
    }

    private static JsonObject? SetAlarmState(CallContext call)
    {
        var name = call.Input.Required("AlarmName", "InvalidParameterValue");
        var alarm = call.Here.Alarms.GetValueOrDefault(name)
            ?? throw new AwsError("ResourceNotFound", $"Alarm {name} not found", HttpStatusCode.NotFound);
        var state = call.Input.Required("StateValue", "InvalidParameterValue");
        if (!States.Contains(state))
        {
            throw new AwsError("ValidationError", $"1 validation error detected: Value '{state}' at 'stateValue' failed to satisfy constraint: Member must satisfy enum value set: [INSUFFICIENT_DATA, ALARM, OK]");
        }

        var reasonData = call.Input.Str("StateReasonData");
        if (reasonData is not null)
        {
            try
            {
                _ = JsonNode.Parse(reasonData);
            }
            catch (System.Text.Json.JsonException)
            {
                throw new AwsError("InvalidFormat", "StateReasonData must be valid JSON.");
            }
        }

        alarm.StateValue = state;
        alarm.StateReason = call.Input.Required("StateReason", "InvalidParameterValue");
        alarm.StateReasonData = reasonData;
        alarm.StateUpdated = call.Now;
        return null;
    }

    private static Alarm Tagged(CallContext call)
    {
        var arn = call.Input.Required("ResourceARN", "InvalidParameterValue");
        var name = arn.Split(':', 7).ElementAtOrDefault(6) ?? string.Empty;
        return call.Here.Alarms.GetValueOrDefault(name)
            ?? throw new AwsError("ResourceNotFoundException", $"Resource {arn} not found", HttpStatusCode.NotFound);
    }

    private static JsonObject? TagResource(CallContext call)
    {
        var alarm = Tagged(call);
        foreach (var tag in call.Input.Objects("Tags"))
        {
            alarm.Tags[tag.Str("Key") ?? string.Empty] = tag.Str("Value") ?? string.Empty;
        }

        return null;
    }

    private static JsonObject ListTagsForResource(CallContext call)
    {
        var alarm = Tagged(call);
        return new JsonObject
        {
            ["Tags"] = new JsonArray([.. alarm.Tags.Select(tag => (JsonNode)new JsonObject { ["Key"] = tag.Key, ["Value"] = tag.Value })]),
        };
    }
}
