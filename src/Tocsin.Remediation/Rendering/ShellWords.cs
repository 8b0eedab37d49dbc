using System.Text;

namespace Tocsin.Remediation.Rendering;

/// <summary>
/// How the CLI script spells a value for bash: every value is one single-quoted word, so <c>$(...)</c>, backticks,
/// quotes and newlines in a name reach the AWS CLI as they are and are never run.
/// </summary>
internal static class ShellWords
{
    /// <summary>The value as one bash word: inside single quotes nothing is special except the quote itself, which is closed, escaped and reopened.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>Text safe on one comment line: control characters (a newline would end the comment) become spaces.</summary>
    public static string Comment(string text)
    {
        var line = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            line.Append(char.IsControl(c) ? ' ' : c);
        }

        return line.ToString();
    }

    /// <summary>
    /// A JMESPath JSON literal (<c>`"..."`</c>) for a value compared in a <c>--query</c>: every character but letters and
    /// digits is written as a <c>\uXXXX</c> escape, so no backtick, quote or backslash of the value can end the literal.
    /// </summary>
    public static string JmesPathLiteral(string value)
    {
        var literal = new StringBuilder("`\"");
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                literal.Append(c);
            }
            else
            {
                literal.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
        }

        return literal.Append("\"`").ToString();
    }
}
