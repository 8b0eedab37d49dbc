using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tocsin.Emulator.Protocol;

/// <summary>
/// Reads an operation's input members whatever protocol carried them: JSON gives typed values, the query
/// protocol gives strings, so every reader accepts both.
/// </summary>
internal static class Input
{
    public static string? Str(this JsonObject input, string name) =>
        input[name] switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            JsonValue value => value.ToJsonString(),
            _ => throw new AwsError("ValidationException", $"{name} must be a single value."),
        };

    public static string Required(this JsonObject input, string name, string code = "ValidationException") =>
        input.Str(name) is { Length: > 0 } value
            ? value
            : throw new AwsError(code, $"1 validation error detected: Value null at '{name}' failed to satisfy constraint: Member must not be null");

    public static bool? Bool(this JsonObject input, string name) =>
        input[name] switch
        {
            null => null,
            JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            JsonValue value => bool.TryParse(value.ToString(), out var parsed)
                ? parsed
                : throw new AwsError("ValidationException", $"{name} must be true or false."),
            _ => throw new AwsError("ValidationException", $"{name} must be true or false."),
        };

    public static double? Number(this JsonObject input, string name) =>
        input[name] switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<double>(),
            JsonValue value => double.TryParse(value.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw new AwsError("ValidationException", $"{name} must be a number."),
            _ => throw new AwsError("ValidationException", $"{name} must be a number."),
        };

    public static int? Int(this JsonObject input, string name) => input.Number(name) is { } number ? (int)number : null;

    /// <summary>A list member; the query protocol sends an empty list as an empty string.</summary>
    public static IReadOnlyList<JsonNode> List(this JsonObject input, string name) =>
        input[name] switch
        {
            JsonArray array => [.. array.Where(item => item is not null).Select(item => item!)],
            JsonObject single => [single],
            _ => [],
        };

    public static IReadOnlyList<string> Strings(this JsonObject input, string name) =>
        [.. input.List(name).Select(item => item is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : item.ToJsonString())];

    public static bool Has(this JsonObject input, string name) => input[name] is not null;

    public static IReadOnlyList<JsonObject> Objects(this JsonObject input, string name) => [.. input.List(name).OfType<JsonObject>()];

    /// <summary>A string-to-string map (SNS attributes); query sends it as entries, JSON as an object.</summary>
    public static IReadOnlyDictionary<string, string> Map(this JsonObject input, string name) =>
        input[name] is JsonObject map
            ? map.Where(pair => pair.Value is not null).ToDictionary(pair => pair.Key, pair => pair.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : pair.Value!.ToJsonString(), StringComparer.Ordinal)
            : new Dictionary<string, string>();
}
