using System.Globalization;
using System.Text.Json.Nodes;

namespace Tocsin.Emulator.Protocol;

/// <summary>
/// Turns awsQuery / EC2 form parameters (<c>AlarmActions.member.1</c>, <c>Attributes.entry.1.key</c>,
/// <c>RegionName.1</c>) into the same JSON tree a JSON-protocol request would carry, so operations read one shape.
/// </summary>
internal static class QueryForm
{
    /// <summary>The most dot-separated parts a parameter name may have.</summary>
    public const int MaxParts = 32;

    public static JsonObject ToInput(IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var root = new Node();
        foreach (var (key, value) in parameters)
        {
            if (key is "Action" or "Version")
            {
                continue;
            }

            // No operation's input nests deeper than a few levels; a name of hundreds of parts is refused, not followed.
            if (key.Count(c => c == '.') > MaxParts)
            {
                throw new AwsError("ValidationError", $"The parameter name {key[..Math.Min(key.Length, 64)]}... has more than {MaxParts} parts.", System.Net.HttpStatusCode.BadRequest);
            }

            var node = root;
            foreach (var part in key.Split('.'))
            {
                node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
                if (!node.Children.TryGetValue(part, out var child))
                {
                    child = new Node();
                    node.Children[part] = child;
                }

                node = child;
            }

            node.Value = value;
        }

        return Convert(root) as JsonObject ?? [];
    }

    private static JsonNode? Convert(Node node)
    {
        if (node.Children is null)
        {
            return JsonValue.Create(node.Value ?? string.Empty);
        }

        if (node.Children.Count == 1 && node.Children.TryGetValue("member", out var members))
        {
            return Indexed(members);
        }

        if (node.Children.Count == 1 && node.Children.TryGetValue("entry", out var entries))
        {
            var map = new JsonObject();
            foreach (var entry in Ordered(entries))
            {
                var entryKey = entry.Children?.GetValueOrDefault("key")?.Value;
                if (entryKey is not null)
                {
                    map[entryKey] = entry.Children!.TryGetValue("value", out var entryValue) ? Convert(entryValue) : null;
                }
            }

            return map;
        }

        if (node.Children.Keys.All(IsIndex))
        {
            return Indexed(node);
        }

        var result = new JsonObject();
        foreach (var (name, child) in node.Children)
        {
            result[name] = Convert(child);
        }

        return result;
    }

    private static JsonArray Indexed(Node node) => [.. Ordered(node).Select(Convert)];

    private static IEnumerable<Node> Ordered(Node node) =>
        node.Children is null
            ? []
            // In numeric order, however many digits: by the length without leading zeros, then by the digits.
            : node.Children.Where(pair => IsIndex(pair.Key))
                .OrderBy(pair => pair.Key.TrimStart('0').Length)
                .ThenBy(pair => pair.Key.TrimStart('0'), StringComparer.Ordinal)
                .Select(pair => pair.Value);

    private static bool IsIndex(string part) => part.Length > 0 && part.All(char.IsAsciiDigit);

    private sealed class Node
    {
        public string? Value { get; set; }

        public Dictionary<string, Node>? Children { get; set; }
    }
}
