using System.Text;

namespace Tocsin.Fuzz.Tests.Loaders;

/// <summary>
/// "Billion laughs" in YAML: each level's sequence repeats the previous level's anchor, so a reader that expands
/// aliases into copies does exponential work while the file stays a few hundred bytes.
/// </summary>
internal static class AliasBombs
{
    public static string Under(string key, int levels, string leaf)
    {
        var text = new StringBuilder();
        text.Append("l0: &l0 [").Append(leaf).Append(", ").Append(leaf).Append("]\n");
        for (var i = 1; i <= levels; i++)
        {
            text.Append('l').Append(i).Append(": &l").Append(i).Append(" [");
            text.Append(string.Join(", ", Enumerable.Repeat("*l" + (i - 1), 9)));
            text.Append("]\n");
        }

        text.Append(key).Append(": *l").Append(levels).Append('\n');
        return text.ToString();
    }
}
