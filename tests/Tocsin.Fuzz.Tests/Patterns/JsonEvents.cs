using System.Text;

namespace Tocsin.Fuzz.Tests.Patterns;

/// <summary>
/// JSON events over a small vocabulary of keys and values, so generated patterns select and compare what is there
/// often enough: numbers in several spellings of the same value, strings with escapes and non-ASCII, nulls,
/// booleans, arrays and objects.
/// </summary>
internal static class JsonEvents
{
    public static readonly string[] Keys = ["a", "b", "eventName", "x.y", "MFAUsed", "arr", "n", "type"];

    public static readonly string[] Strings =
    [
        "", "x", "ConsoleLogin", "Console", "Login", "Root", "No", "Yes", "111.111.111.111", "12.34", "123", "a*b", "ab", "aab",
        "abab", "é", "😀", "a b", "true", "null", "-1", "Ev*ent", "1e2", "\"q\"", "back\\slash", "tab\there",
    ];

    public static readonly string[] Numbers =
    [
        "0", "-0", "1", "-1", "1.0", "12", "12.0", "12.34", "123", "123.00", "1e2", "1E2", "100", "1e400", "-1e400",
        "12345678901234567890", "0.1", "5e-324", "2.5e-1", "400", "500",
    ];

    public static string Object(Random random)
    {
        var text = new StringBuilder();
        WriteObject(random, text, depth: 0);
        return text.ToString();
    }

    public static string Value(Random random, int depth)
    {
        var text = new StringBuilder();
        WriteValue(random, text, depth);
        return text.ToString();
    }

    private static void WriteObject(Random random, StringBuilder text, int depth)
    {
        text.Append('{');
        var count = random.Next(depth == 0 ? 1 : 0, 5);
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
                text.Append(',');
            WriteString(random, text, Keys[random.Next(Keys.Length)]);
            text.Append(random.Next(8) == 0 ? " : " : ":");
            WriteValue(random, text, depth + 1);
        }

        text.Append('}');
    }

    private static void WriteValue(Random random, StringBuilder text, int depth)
    {
        switch (random.Next(depth >= 3 ? 6 : 9))
        {
            case 0:
            case 1:
                WriteString(random, text, Strings[random.Next(Strings.Length)]);
                break;
            case 2:
            case 3:
                text.Append(Numbers[random.Next(Numbers.Length)]);
                break;
            case 4:
                text.Append(random.Next(2) == 0 ? "true" : "false");
                break;
            case 5:
                text.Append("null");
                break;
            case 6:
            case 7:
                WriteObject(random, text, depth);
                break;
            default:
                text.Append('[');
                var count = random.Next(0, 4);
                for (var i = 0; i < count; i++)
                {
                    if (i > 0)
                        text.Append(',');
                    WriteValue(random, text, depth + 1);
                }

                text.Append(']');
                break;
        }
    }

    /// <summary>Writes a JSON string, spelling some characters as <c>\uXXXX</c> escapes so readers must unescape.</summary>
    private static void WriteString(Random random, StringBuilder text, string value)
    {
        var escapeAll = random.Next(6) == 0;
        text.Append('"');
        foreach (var c in value)
        {
            if (c is '"' or '\\')
                text.Append('\\').Append(c);
            else if (c == '\t')
                text.Append("\\t");
            else if (escapeAll || c > 0x7E)
                text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else
                text.Append(c);
        }

        text.Append('"');
    }
}
