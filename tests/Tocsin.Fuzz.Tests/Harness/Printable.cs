using System.Text;

namespace Tocsin.Fuzz.Tests.Harness;

/// <summary>Shows an input in a failure message: control and non-ASCII characters escaped, long inputs cut.</summary>
public static class Printable
{
    private const int MaxShown = 4000;

    public static string Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var shown = new StringBuilder("\"");
        foreach (var c in text.Length > MaxShown ? text[..MaxShown] : text)
        {
            shown.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' or > '~' => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        shown.Append('"');
        if (text.Length > MaxShown)
        {
            shown.Append($" (first {MaxShown} of {text.Length} characters)");
        }

        return shown.ToString();
    }

    public static string Bytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return $"{bytes.Length} bytes: {Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, MaxShown / 2)))}";
    }
}
