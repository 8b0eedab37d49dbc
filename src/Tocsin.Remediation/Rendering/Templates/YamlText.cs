using System.Globalization;
using System.Text;

namespace Tocsin.Remediation.Rendering.Templates;

/// <summary>
/// Writes YAML block style where every string value goes through <see cref="Quote"/>: double-quoted with JSON-style
/// escapes, so a name holding <c>$(touch pwned)</c>, quotes, <c>: </c>, <c>#</c> or line breaks stays one inert
/// string and loads back byte for byte.
/// </summary>
internal static class YamlText
{
    /// <summary>A double-quoted YAML scalar. Everything outside printable ASCII is escaped, so no character can end the scalar or the line.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c is >= ' ' and <= '~')
                    {
                        text.Append(c);
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\U{char.ConvertToUtf32(c, value[++i]):X8}");
                    }
                    else
                    {
                        // A lone surrogate has no UTF-8 form; it becomes the replacement character.
                        var unit = char.IsSurrogate(c) ? '\uFFFD' : c;
                        text.Append(CultureInfo.InvariantCulture, $"\\u{(int)unit:X4}");
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>A mapping key: plain when it is a simple word (logical ids, property names), quoted otherwise (policy keys such as <c>aws:SourceArn</c>).</summary>
    public static string Key(string key) =>
        key.Length > 0 && char.IsAsciiLetter(key[0]) && key.All(char.IsAsciiLetterOrDigit) && !IsYamlWord(key) ? key : Quote(key);

    /// <summary>A comment line: <c>#</c> and the text, with any line break shown escaped so the text cannot leave the comment.</summary>
    public static string Comment(string text)
    {
        if (text.Length == 0)
        {
            return "#";
        }

        var line = new StringBuilder("# ");
        foreach (var c in text)
        {
            line.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return line.ToString();
    }

    /// <summary>Writes a value at an indent: a map or list in block style, anything else as one scalar.</summary>
    public static void Write(TextWriter output, object? value, int indent = 0)
    {
        switch (value)
        {
            case YamlMap map:
                WriteMap(output, map, indent, firstLinePrefix: null);
                break;
            case IEnumerable<object?> list when value is not string:
                WriteList(output, [.. list], indent);
                break;
            default:
                output.WriteLine(new string(' ', indent) + Scalar(value));
                break;
        }
    }

    private static void WriteMap(TextWriter output, YamlMap map, int indent, string? firstLinePrefix)
    {
        var pad = new string(' ', indent);
        for (var i = 0; i < map.Count; i++)
        {
            var (key, value) = map[i];
            var start = i == 0 && firstLinePrefix is not null ? firstLinePrefix : pad;
            var head = $"{start}{Key(key)}:";
            if (IsBlock(value))
            {
                output.WriteLine(head);
                WriteNested(output, value, indent + 2);
            }
            else
            {
                output.WriteLine($"{head} {Scalar(value)}");
            }
        }
    }

    private static void WriteList(TextWriter output, IReadOnlyList<object?> list, int indent)
    {
        var pad = new string(' ', indent);
        foreach (var item in list)
        {
            if (item is YamlMap { Count: > 0 } map)
            {
                WriteMap(output, map, indent + 2, firstLinePrefix: pad + "- ");
            }
            else if (IsBlock(item))
            {
                output.WriteLine(pad + "-");
                WriteNested(output, item, indent + 2);
            }
            else
            {
                output.WriteLine($"{pad}- {Scalar(item)}");
            }
        }
    }

    private static void WriteNested(TextWriter output, object? value, int indent)
    {
        if (value is YamlMap map)
        {
            WriteMap(output, map, indent, firstLinePrefix: null);
        }
        else
        {
            WriteList(output, [.. (IEnumerable<object?>)value!], indent);
        }
    }

    private static bool IsBlock(object? value) => value switch
    {
        YamlMap map => map.Count > 0,
        string => false,
        IEnumerable<object?> list => list.Any(),
        _ => false,
    };

    private static string Scalar(object? value) => value switch
    {
        null => "null",
        string text => Quote(text),
        bool flag => flag ? "true" : "false",
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        YamlMap => "{}",
        IEnumerable<object?> => "[]",
        _ => throw new ArgumentException($"no YAML form for {value.GetType().Name}", nameof(value)),
    };

    // YAML 1.1 reads these plain words as booleans or null.
    private static bool IsYamlWord(string key) =>
        key.ToLowerInvariant() is "y" or "n" or "yes" or "no" or "on" or "off" or "true" or "false" or "null";
}
