using System.Text.Json;

namespace Tocsin.Remediation.Rendering.Templates;

/// <summary>Turns a policy document (JSON text, as plan steps carry it) into YAML values, keeping key order and every value as it was.</summary>
internal static class PolicyNodes
{
    public static object? FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Convert(document.RootElement);
    }

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => ToMap(element),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDouble(),
        _ => null,
    };

    private static YamlMap ToMap(JsonElement element)
    {
        var map = new YamlMap();
        foreach (var property in element.EnumerateObject())
        {
            map.Add(property.Name, Convert(property.Value));
        }

        return map;
    }
}
