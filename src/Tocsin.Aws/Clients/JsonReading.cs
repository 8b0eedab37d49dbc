using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tocsin.Aws.Clients;

/// <summary>Reading optional members of JSON-protocol replies without exceptions for absent or null members.</summary>
internal static class JsonReading
{
    public static string? Str(this JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static bool? Bool(this JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value.GetValue<bool>() : null;

    public static double? Number(this JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? value.GetValue<double>() : null;

    public static JsonArray Array(this JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonArray array ? array : [];

    public static IReadOnlyList<string> Strings(this JsonNode? node, string name) =>
        [.. node.Array(name).OfType<JsonValue>().Where(v => v.GetValueKind() == JsonValueKind.String).Select(v => v.GetValue<string>())];

    /// <summary>A JSON-protocol timestamp: epoch seconds (a number) or, from some endpoints, ISO 8601 text.</summary>
    public static DateTimeOffset? Time(this JsonNode? node, string name)
    {
        if (node.Number(name) is { } seconds)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        }

        return node.Str(name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
    }
}
