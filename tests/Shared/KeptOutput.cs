using System.Text;

using Xunit;

namespace Tocsin.Tests;

/// <summary>
/// Compares an output (a report, a page) with the expected file kept in the repository under a test project's
/// <c>Snapshots</c> folder, failing with the lines that differ. With <c>UPDATE_SNAPSHOTS=1</c> it writes the file
/// instead, to be reviewed in the diff of a commit.
/// </summary>
public static class KeptOutput
{
    /// <param name="parts">The kept file's path below <c>tests/</c>, e.g. <c>Tocsin.Reports.Tests</c>, <c>Snapshots</c>, <c>text-mixed-80.txt</c>.</param>
    public static void ShouldMatch(string actual, params string[] parts)
    {
        var path = Path.Combine([RepositoryFiles.Root, "tests", .. parts]);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }

        if (!File.Exists(path))
        {
            Assert.Fail($"the snapshot {path} does not exist; run the tests with UPDATE_SNAPSHOTS=1 to write it, then review it");
        }

        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            Assert.Fail($"the output differs from {path} (- expected, + actual); if the change is meant, run the tests with UPDATE_SNAPSHOTS=1 and review the diff\n{Diff(expected, actual)}");
        }
    }

    /// <summary>The lines that differ, with two lines of context, from a longest-common-subsequence alignment.</summary>
    public static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<(char Mark, string Text)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                lines.Add((' ', a[x++]));
                y++;
            }
            else if (y < b.Length && (x == a.Length || common[x, y + 1] >= common[x + 1, y]))
            {
                lines.Add(('+', b[y++]));
            }
            else
            {
                lines.Add(('-', a[x++]));
            }
        }

        var changed = lines.Select((line, index) => (line, index)).Where(entry => entry.line.Mark != ' ').Select(entry => entry.index).ToList();
        var text = new StringBuilder();
        for (var index = 0; index < lines.Count; index++)
        {
            if (changed.Any(at => Math.Abs(at - index) <= 2))
            {
                text.Append(lines[index].Mark).Append(' ').Append(lines[index].Text.Replace("\r", "\\r", StringComparison.Ordinal)).Append('\n');
            }
        }

        return text.ToString();
    }
}
