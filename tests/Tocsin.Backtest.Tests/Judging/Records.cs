using System.Globalization;
using System.Text.Json.Nodes;

namespace Tocsin.Backtest.Tests.Judging;

/// <summary>CloudTrail records as the tests need them: console sign-ins of each kind, and ordinary API calls.</summary>
internal static class Records
{
    public static readonly DateTimeOffset Start = new(2026, 10, 4, 9, 0, 0, TimeSpan.Zero);

    public static string SignIn(string identityType, string mfaUsed, DateTimeOffset time, string ip = "203.0.113.7", string account = "111122223333", string? user = "alice", bool failed = false)
    {
        var arn = identityType == "Root" ? $"arn:aws:iam::{account}:root" : $"arn:aws:iam::{account}:user/{user}";
        var record = new JsonObject
        {
            ["eventVersion"] = "1.09",
            ["userIdentity"] = new JsonObject { ["type"] = identityType, ["arn"] = arn, ["accountId"] = account },
            ["eventTime"] = Time(time),
            ["eventSource"] = "signin.amazonaws.com",
            ["eventName"] = "ConsoleLogin",
            ["awsRegion"] = "us-east-1",
            ["sourceIPAddress"] = ip,
            ["responseElements"] = new JsonObject { ["ConsoleLogin"] = failed ? "Failure" : "Success" },
            ["additionalEventData"] = new JsonObject { ["MFAUsed"] = mfaUsed },
            ["eventType"] = "AwsConsoleSignIn",
            ["recipientAccountId"] = account,
        };
        return record.ToJsonString();
    }

    public static string ApiCall(DateTimeOffset time, string account = "111122223333") => new JsonObject
    {
        ["eventVersion"] = "1.09",
        ["userIdentity"] = new JsonObject { ["type"] = "AssumedRole", ["arn"] = $"arn:aws:sts::{account}:assumed-role/app/i-1", ["accountId"] = account },
        ["eventTime"] = Time(time),
        ["eventSource"] = "ec2.amazonaws.com",
        ["eventName"] = "DescribeInstances",
        ["awsRegion"] = "eu-west-1",
        ["sourceIPAddress"] = "10.0.0.1",
        ["eventType"] = "AwsApiCall",
        ["recipientAccountId"] = account,
    }.ToJsonString();

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes the records as JSON Lines to a new file in <paramref name="folder"/>.</summary>
    public static string WriteJsonLines(string folder, IEnumerable<string> records, string name = "events.jsonl")
    {
        var path = Path.Combine(folder, name);
        File.WriteAllLines(path, records);
        return path;
    }
}
