using System.Text;

namespace Tocsin.Reports.Tests;

/// <summary>
/// Compares a report with the expected file kept in <c>tests/Tocsin.Reports.Tests/Snapshots</c>, failing with the
/// lines that differ. With <c>UPDATE_SNAPSHOTS=1</c> it writes the file instead, to be reviewed in the diff of a commit.
/// </summary>
internal static class Snapshot
{
    public static string Folder => Path.Combine(RepositoryFiles.Root, "tests", "Tocsin.Reports.Tests", "Snapshots");

    public static void ShouldMatch(string actual, string name)
    {
        var path = Path.Combine(Folder, name);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, actual);
            return;
        }

        if (!File.Exists(path))
        {
            Assert.Fail($"the snapshot {path} does not exist; run the tests with UPDATE_SNAPSHOTS=1 to write it, then review it");
        }

        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            Assert.Fail($"the output differs from {path} (- expected, + actual); if the change is meant, run the tests with UPDATE_SNAPSHOTS=1 and review the diff\n{Diff(expected, actual)}");
        }
    }

    /// <summary>The lines that differ, with two lines of context, from a longest-common-subsequence alignment.</summary>
    internal static string Diff(string expected, string actual)
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
