using System.Globalization;
using System.Text;

namespace Tocsin.Remediation.Rendering;

/// <summary>
/// How the CLI script spells a value for bash: every value is one single-quoted word, so <c>$(...)</c>, backticks,
/// quotes and newlines in a name reach the AWS CLI as they are and are never run.
/// </summary>
internal static class ShellWords
{
    /// <summary>
    /// The value as one word for a POSIX shell (bash, zsh): bare when it holds only characters no shell treats
    /// specially; else single-quoted, where nothing is special but the quote itself (closed, escaped and reopened);
    /// else, when it holds a line break or another control character, ANSI-C <c>$'…'</c>, so every command stays on one
    /// line (commands printed in comments of a template must).
    /// </summary>
    public static string Quote(string value)
    {
        if (value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or ',' or '=' or '@'))
        {
            return value;
        }

        if (!value.Any(NeedsEscape))
        {
            return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        }

        var text = new StringBuilder("$'");
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\'' => "\\'",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when NeedsEscape(c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => c.ToString(),
            });
        }

        return text.Append('\'').ToString();
    }

    /// <summary>A command line from its words, each quoted.</summary>
    public static string Command(params IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

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

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
