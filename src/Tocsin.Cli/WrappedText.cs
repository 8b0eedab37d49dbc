using System.Text;

namespace Tocsin.Cli;

/// <summary>Prose laid out in a given number of columns, broken between words, every line indented alike.</summary>
internal static class WrappedText
{
    public static string Wrap(string text, int width, int indent = 0)
    {
        var pad = new string(' ', indent);
        var lines = new StringBuilder();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && indent + line.Length + 1 + word.Length > width)
            {
                lines.Append(pad).Append(line).Append('\n');
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        return lines.Append(pad).Append(line).ToString();
    }
}
