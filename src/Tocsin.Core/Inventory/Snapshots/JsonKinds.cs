using System.Text.Json;

namespace Tocsin.Core.Inventory.Snapshots;

/// <summary>JSON value kinds in the words of JSON Schema, for refusal messages.</summary>
internal static class JsonKinds
{
    public static string Name(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => element.TryGetInt64(out _) ? "integer" : "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
