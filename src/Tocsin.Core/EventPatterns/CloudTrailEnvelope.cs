using System.Text;
using System.Text.Json;

namespace Tocsin.Core.EventPatterns;

/// <summary>
/// The event EventBridge delivers for a CloudTrail record (docs/eventbridge-patterns.md "Console sign-in events on
/// the default bus"): <c>version</c> "0", <c>id</c>, <c>detail-type</c> from <c>eventType</c>, <c>source</c> from
/// <c>eventSource</c>, <c>account</c>, <c>time</c>, <c>region</c> from the record, <c>resources</c> [] and
/// <c>detail</c> = the record itself.
/// </summary>
public static class CloudTrailEnvelope
{
    public const string SignInDetailType = "AWS Console Sign In via CloudTrail";
    public const string ApiCallDetailType = "AWS API Call via CloudTrail";

    private static readonly Dictionary<string, string> DetailTypes = new(StringComparer.Ordinal)
    {
        ["AwsConsoleSignIn"] = SignInDetailType,
        ["AwsApiCall"] = ApiCallDetailType,
        ["AwsConsoleAction"] = "AWS Console Action via CloudTrail",
        ["AwsServiceEvent"] = "AWS Service Event via CloudTrail",
        ["AwsCloudTrailInsight"] = "AWS Insight via CloudTrail",
    };

    /// <summary>The detail-types CloudTrail delivers, keyed by the record's <c>eventType</c>.</summary>
    public static IReadOnlyDictionary<string, string> DetailTypeByEventType => DetailTypes;

    /// <summary>
    /// <c>signin.amazonaws.com</c> → <c>aws.signin</c>, <c>iam.amazonaws.com</c> → <c>aws.iam</c>. A value without the
    /// <c>.amazonaws.com</c> suffix (never written by CloudTrail) becomes <c>aws.</c> + itself.
    /// </summary>
    public static string SourceFor(string eventSource)
    {
        ArgumentNullException.ThrowIfNull(eventSource);
        const string Suffix = ".amazonaws.com";
        return "aws." + (eventSource.EndsWith(Suffix, StringComparison.Ordinal) ? eventSource[..^Suffix.Length] : eventSource);
    }

    /// <summary>
    /// The detail-type for an <c>eventType</c>; one CloudTrail does not write is carried as it is, so no pattern
    /// that names a real detail-type matches it.
    /// </summary>
    public static string DetailTypeFor(string eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return DetailTypes.TryGetValue(eventType, out var detailType) ? detailType : eventType;
    }

    /// <summary>The event as JSON text. A field the record lacks is left out of the envelope too.</summary>
    public static string Wrap(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("a CloudTrail record is a JSON object", nameof(record));
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("version", "0");
            Copy(json, record, "eventID", "id");
            if (Text(record, "eventType") is { } eventType)
            {
                json.WriteString("detail-type", DetailTypeFor(eventType));
            }

            if (Text(record, "eventSource") is { } eventSource)
            {
                json.WriteString("source", SourceFor(eventSource));
            }

            Copy(json, record, "recipientAccountId", "account");
            Copy(json, record, "eventTime", "time");
            Copy(json, record, "awsRegion", "region");
            json.WriteStartArray("resources");
            json.WriteEndArray();
            json.WritePropertyName("detail");
            record.WriteTo(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The event for a record given as JSON text.</summary>
    public static string Wrap(string recordJson)
    {
        using var document = JsonDocument.Parse(recordJson);
        return Wrap(document.RootElement);
    }

    private static void Copy(Utf8JsonWriter json, JsonElement record, string from, string to)
    {
        if (record.TryGetProperty(from, out var value))
        {
            json.WritePropertyName(to);
            value.WriteTo(json);
        }
    }

    private static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
