using System.Globalization;
using System.Text;

namespace Tocsin.Remediation.Rendering.Templates;

/// <summary>
/// Quotes a word for a POSIX shell (bash, zsh): single quotes, or ANSI-C <c>$'…'</c> when it holds a line break or
/// other control character, so every command stays on one line and nothing in a name is run.
/// </summary>
internal static class ShellWords
{
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or ',' or '=' or '@'))
        {
            return word;
        }

        if (!word.Any(NeedsEscape))
        {
            return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
        }

        var text = new StringBuilder("$'");
        foreach (var c in word)
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

    private static bool NeedsEscape(char c) => char.IsControl(c) || c is '\u2028' or '\u2029';
}
