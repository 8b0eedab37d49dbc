using System.Text.Json.Nodes;

namespace Tocsin.Core;

/// <summary>JSON nodes the documents Tocsin writes are built from (policies, selectors, event patterns, alarm input).</summary>
public static class JsonNodes
{
    /// <summary>A JSON array of the strings, in order.</summary>
    // Each element as a JsonNode: JsonArray.Add<T> would serialize T by reflection, which a native build refuses.
    public static JsonArray Strings(params IEnumerable<string> values) => new([.. values.Select(value => (JsonNode)JsonValue.Create(value))]);
}
