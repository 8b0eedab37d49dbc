using System.Text.Json.Nodes;

namespace Tocsin.Fuzz.Tests.Harness;

/// <summary>
/// Structure-aware mutations of a JSON document: a value replaced with one of another kind or an extreme one, a
/// property removed, renamed or repeated, an array emptied; the document stays JSON so the reader's checks past
/// parsing are reached.
/// </summary>
public static class JsonTreeMutations
{
    private static readonly string[] Replacements =
    [
        "null", "true", "false", "0", "-1", "0.5", "1e999", "-1e999", "2147483648", "9223372036854775808", "-9223372036854775809",
        "\"\"", "\"x\"", "[]", "{}", "\"2026-13-45T25:61:00Z\"", "\"0001-01-01T00:00:00Z\"", "\"\\u0000\"", "[[[[[[[[]]]]]]]]",
        "\"arn:aws:sns:us-east-1:111111111111:t\"", "\"111111111111\"", "\"us-east-1\"", "{\"a\":{\"b\":{\"c\":[1,{\"d\":null}]}}}",
    ];

    public static string Mutate(Random random, string json)
    {
        ArgumentNullException.ThrowIfNull(random);
        var root = JsonNode.Parse(json)!;
        var count = random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var nodes = new List<JsonNode>();
            Collect(root, nodes);
            var target = nodes[random.Next(nodes.Count)];
            switch (target.Parent)
            {
                case JsonObject parent:
                    var name = target.GetPropertyName();
                    switch (random.Next(4))
                    {
                        case 0:
                            parent.Remove(name);
                            break;
                        case 1:
                            parent.Remove(name);
                            parent[random.Next(2) == 0 ? name.ToUpperInvariant() : name + "x"] = target;
                            break;
                        default:
                            parent[name] = Replacement(random);
                            break;
                    }

                    break;
                case JsonArray array:
                    var index = target.GetElementIndex();
                    if (random.Next(3) == 0)
                        array.RemoveAt(index);
                    else
                        array[index] = Replacement(random);
                    break;
            }
        }

        var text = root.ToJsonString();
        if (random.Next(6) == 0)
        {
            // A repeated property, which JsonObject cannot hold: spliced in as text after the first '{'.
            var brace = text.IndexOf('{', StringComparison.Ordinal);
            var firstName = text.IndexOf('"', brace + 1);
            var end = firstName < 0 ? -1 : text.IndexOf(',', firstName);
            if (brace >= 0 && end > firstName)
                text = text[..(brace + 1)] + text[firstName..end] + "," + text[(brace + 1)..];
        }

        return text;
    }

    private static JsonNode? Replacement(Random random) => JsonNode.Parse(Replacements[random.Next(Replacements.Length)]);

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        if (node.Parent is not null)
            nodes.Add(node);
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                        Collect(child, nodes);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                        Collect(child, nodes);
                }

                break;
        }
    }
}
