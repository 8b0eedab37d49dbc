using Tocsin.Backtest.Input;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace Tocsin.Backtest.Tests.Input;

/// <summary>Generates CloudTrail records and writes them in each shape the input may take.</summary>
internal static class CloudTrailData
{
    private static readonly string[] EventNames = ["ConsoleLogin", "CreateUser", "PutBucketPolicy", "StopLogging", "AuthorizeSecurityGroupIngress", "DeleteTrail"];

    /// <summary>One record, one line of compact JSON, whose eventID is <c>evt-{index}</c>; <paramref name="padding"/> grows it.</summary>
    public static string Record(int index, int padding = 0)
    {
        var name = EventNames[index % EventNames.Length];
        return $$"""{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDA{{index:D8}}","arn":"arn:aws:iam::111122223333:user/u{{index}}","accountId":"111122223333","userName":"u{{index}}"},"eventTime":"2026-10-04T09:12:{{index % 60:D2}}Z","eventSource":"signin.amazonaws.com","eventName":"{{name}}","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.{{index % 250}}","userAgent":"Mozilla/5.0","requestParameters":{"note":"{{new string('x', padding)}}","list":[1,2,{"a":[]}]},"responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"MFAUsed":"No"},"eventID":"evt-{{index}}","readOnly":false,"eventType":"AwsConsoleSignIn","recipientAccountId":"111122223333"}""";
    }

    public static List<string> Records(int count, int padding = 0) => [.. Enumerable.Range(0, count).Select(i => Record(i, padding))];

    public static string RecordsFile(IEnumerable<string> records) => "{\"Records\":[" + string.Join(",", records) + "]}";

    public static string JsonLines(IEnumerable<string> records, string lineEnd = "\n") => string.Concat(records.Select(r => r + lineEnd));

    public static string CloudWatchExport(IEnumerable<string> records) =>
        string.Concat(records.Select((r, i) => $"2026-10-04T09:{i % 60:D2}:00.000Z {r}\n"));

    public static string Indented(string record) =>
        JsonSerializer.Serialize(JsonDocument.Parse(record).RootElement, new JsonSerializerOptions { WriteIndented = true });

    public static string Write(string path, string text, bool gzip = false)
    {
        WriteBytes(path, Encoding.UTF8.GetBytes(text), gzip);
        return path;
    }

    public static string WriteBytes(string path, byte[] bytes, bool gzip = false)
    {
        File.WriteAllBytes(path, gzip ? Gzip(bytes) : bytes);
        return path;
    }

    public static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var zip = new GZipStream(output, CompressionLevel.Fastest))
        {
            zip.Write(bytes);
        }

        return output.ToArray();
    }

    /// <summary>The eventIDs of the records in a file, found independently: a full System.Text.Json parse.</summary>
    public static List<string> EventIdsParsed(string text, InputKind kind)
    {
        if (kind == InputKind.CloudTrailFile)
        {
            var root = JsonDocument.Parse(text).RootElement;
            return root.TryGetProperty("Records", out var records)
                ? [.. records.EnumerateArray().Select(EventId)]
                : [EventId(root)];
        }

        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => kind == InputKind.CloudWatchExport ? line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..] : line)
            .Select(line => EventId(JsonDocument.Parse(line).RootElement))];
    }

    public static string EventId(ReadOnlySpan<byte> record)
    {
        var reader = new Utf8JsonReader(record);
        using var document = JsonDocument.ParseValue(ref reader);
        return EventId(document.RootElement);
    }

    private static string EventId(JsonElement record) => record.GetProperty("eventID").GetString()!;
}
