using System.Globalization;
using System.Text;

namespace Tocsin.Fuzz.Tests.Harness;

/// <summary>
/// Writes a tree of mappings (<see cref="IDictionary{TKey,TValue}"/>), sequences (<see cref="IList{T}"/>) and
/// scalars as YAML in randomly chosen styles: block or flow collections; plain, single- or double-quoted scalars
/// (double quotes with escapes such as <c>\0</c> and <c>\u2028</c>); anchors and aliases, tags and comments.
/// </summary>
public static class YamlText
{
    public static string Write(Random random, object? tree)
    {
        ArgumentNullException.ThrowIfNull(random);
        var text = new StringBuilder();
        if (random.Next(10) == 0)
            text.Append("%YAML 1.2\n---\n");
        var anchors = new List<string>();
        Block(random, text, tree, indent: 0, anchors);
        if (random.Next(15) == 0)
            text.Append("---\nsecond: document\n");
        return text.ToString();
    }

    private static void Block(Random random, StringBuilder text, object? node, int indent, List<string> anchors)
    {
        var pad = new string(' ', indent);
        switch (node)
        {
            case IDictionary<string, object?> map when random.Next(8) != 0 && map.Count > 0:
                foreach (var (key, value) in map)
                {
                    text.Append(pad).Append(Scalar(random, key)).Append(':');
                    if (random.Next(20) == 0)
                        text.Append(" # note");
                    if (value is IDictionary<string, object?> { Count: > 0 } or IList<object?> { Count: > 0 } && random.Next(4) != 0)
                    {
                        text.Append(Anchor(random, anchors)).Append('\n');
                        Block(random, text, value, indent + 2, anchors);
                    }
                    else
                    {
                        text.Append(' ').Append(Inline(random, value, anchors)).Append('\n');
                    }
                }

                break;
            case IList<object?> list when random.Next(8) != 0 && list.Count > 0:
                foreach (var item in list)
                {
                    if (item is IDictionary<string, object?> { Count: > 0 } map && random.Next(4) != 0)
                    {
                        // "- key: value" with the rest of the mapping indented under it.
                        text.Append(pad).Append("- ");
                        var first = true;
                        foreach (var (key, value) in map)
                        {
                            if (!first)
                                text.Append(pad).Append("  ");
                            text.Append(Scalar(random, key)).Append(": ").Append(Inline(random, value, anchors)).Append('\n');
                            first = false;
                        }
                    }
                    else
                    {
                        text.Append(pad).Append("- ").Append(Inline(random, item, anchors)).Append('\n');
                    }
                }

                break;
            default:
                text.Append(pad).Append(Inline(random, node, anchors)).Append('\n');
                break;
        }
    }

    private static string Inline(Random random, object? node, List<string> anchors)
    {
        if (anchors.Count > 0 && random.Next(30) == 0)
            return "*" + anchors[random.Next(anchors.Count)];
        return node switch
        {
            null => random.Next(2) == 0 ? "null" : "~",
            IDictionary<string, object?> map => Anchor(random, anchors) + "{" + string.Join(", ", map.Select(pair => Scalar(random, pair.Key) + ": " + Inline(random, pair.Value, anchors))) + "}",
            IList<object?> list => Anchor(random, anchors) + "[" + string.Join(", ", list.Select(item => Inline(random, item, anchors))) + "]",
            _ => Tag(random) + Scalar(random, Convert.ToString(node, CultureInfo.InvariantCulture) ?? ""),
        };
    }

    private static string Anchor(Random random, List<string> anchors)
    {
        if (random.Next(15) != 0)
            return "";
        var name = "a" + anchors.Count;
        anchors.Add(name);
        return " &" + name + " ";
    }

    private static string Tag(Random random) => random.Next(25) switch
    {
        0 => "!!str ",
        1 => "!Ref ",
        2 => "!!binary ",
        3 => "!!int ",
        _ => "",
    };

    private static string Scalar(Random random, string value)
    {
        var plainSafe = value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@' or '/' or ' ') && value[0] != ' ' && value[^1] != ' ';
        switch (random.Next(plainSafe ? 4 : 2))
        {
            case 0:
                return "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
            case 1:
                var quoted = new StringBuilder("\"");
                foreach (var c in value)
                {
                    quoted.Append(c switch
                    {
                        '"' => "\\\"",
                        '\\' => "\\\\",
                        '\0' => "\\0",
                        '\n' => "\\n",
                        < ' ' or '\u2028' or '\u2029' or '\uFEFF' => $"\\u{(int)c:X4}",
                        _ => c.ToString(),
                    });
                }

                return quoted.Append('"').ToString();
            default:
                return value;
        }
    }
}
