using System.Text;

namespace Tocsin.Fuzz.Tests.Harness;

/// <summary>
/// Mutations of a valid-ish text: character flips, truncation, deletion, duplication, and insertions of the
/// characters that break readers (NUL, BOM, CRLF, lone surrogates, right-to-left marks, huge numbers, deep
/// nesting) and of the format's own tokens.
/// </summary>
public static class Mutations
{
    private static readonly string[] Oddities =
    [
        "\0", "\uFEFF", "\r\n", "\r", "\n", "\t", "\u00A0", "\u2028", "\u202E", "\uD800", "\uDC00", "😀", "é", "ß", "İ", "\u0301",
        "\x7F", "\x1B", "\\", "\\u0000", "\\uD800", "\\", "\"", "'", "%", "$", "*", "?", "-", "&&", "||", "{", "}", "[", "]", "(", ")",
        "1e999999", "-1e-999999", "99999999999999999999999999999", "-0", "0x1F", "NaN", "Infinity", "1.7976931348623157E+309",
        "9223372036854775808", "-9223372036854775809", "2147483648",
    ];

    /// <summary>Applies one to four mutations to <paramref name="text"/>, drawing format tokens from <paramref name="tokens"/>.</summary>
    public static string Mutate(Random random, string text, IReadOnlyList<string> tokens, int maxNestingPower = 14)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var result = new StringBuilder(text);
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var at = random.Next(result.Length + 1);
            switch (random.Next(9))
            {
                case 0 when result.Length > 0:
                    result[Math.Min(at, result.Length - 1)] = (char)random.Next(0, 128);
                    break;
                case 1:
                    result.Length = at;
                    break;
                case 2 when result.Length > 0:
                    var length = random.Next(1, Math.Max(2, Math.Min(64, result.Length - Math.Min(at, result.Length - 1))));
                    var from = Math.Min(at, result.Length - 1);
                    result.Remove(from, Math.Min(length, result.Length - from));
                    break;
                case 3 when result.Length > 0:
                    var start = random.Next(result.Length);
                    var piece = result.ToString(start, Math.Min(random.Next(1, 200), result.Length - start));
                    result.Insert(at, piece);
                    break;
                case 4:
                    result.Insert(at, Oddities[random.Next(Oddities.Length)]);
                    break;
                case 5:
                    result.Insert(at, Nesting(random, tokens, maxNestingPower));
                    break;
                case 6 when tokens.Count > 0:
                    result.Insert(at, tokens[random.Next(tokens.Count)]);
                    break;
                case 7:
                    result.Insert(at, new string((char)random.Next('a', 'z' + 1), random.Next(1, 1 << random.Next(1, 16))));
                    break;
                default:
                    if (result.Length > 0)
                    {
                        var bit = (char)(result[Math.Min(at, result.Length - 1)] ^ (1 << random.Next(16)));
                        result[Math.Min(at, result.Length - 1)] = bit;
                    }

                    break;
            }
        }

        return result.ToString();
    }

    /// <summary>Wraps every line of <paramref name="text"/> in CRLF endings, or puts a BOM in front: what editors do to files.</summary>
    public static string Reencode(Random random, string text)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(text);
        return random.Next(3) switch
        {
            0 => text.Replace("\n", "\r\n", StringComparison.Ordinal),
            1 => "\uFEFF" + text,
            _ => text,
        };
    }

    private static string Nesting(Random random, IReadOnlyList<string> tokens, int maxPower)
    {
        var depth = 1 << random.Next(1, maxPower + 1);
        var open = random.Next(4) switch
        {
            0 => "[",
            1 => "{\"a\":",
            2 => "(",
            _ => tokens.Count > 0 ? tokens[random.Next(tokens.Count)] : "[",
        };
        var builder = new StringBuilder(open.Length * depth);
        for (var i = 0; i < depth; i++)
        {
            builder.Append(open);
        }

        return builder.ToString();
    }
}
