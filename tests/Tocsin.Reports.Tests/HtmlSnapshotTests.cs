namespace Tocsin.Reports.Tests;

/// <summary>
/// The page for the mixed run, kept under Snapshots/html so a change to it shows up in review. Run with
/// <c>UPDATE_SNAPSHOTS=1</c> to rewrite the file after a change that is meant.
/// </summary>
public class HtmlSnapshotTests
{
    [Fact]
    public void The_mixed_run_renders_as_the_kept_page()
    {
        MatchesSnapshot(HtmlSamples.Write(SampleRuns.Mixed()), "mixed.html");
    }

    [Fact]
    public void The_same_run_and_context_write_the_same_bytes()
    {
        HtmlSamples.Write(SampleRuns.Mixed()).ShouldBe(HtmlSamples.Write(SampleRuns.Mixed()));
    }

    private static void MatchesSnapshot(string actual, string name)
    {
        var path = Path.Combine(RepositoryFiles.Root, "tests", "Tocsin.Reports.Tests", "Snapshots", "html", name);
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        File.Exists(path).ShouldBeTrue($"{path} is missing; run the tests with UPDATE_SNAPSHOTS=1 to write it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        var lines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expected.Length, lines.Length); i++)
        {
            var want = i < expected.Length ? expected[i] : "(end of file)";
            var got = i < lines.Length ? lines[i] : "(end of page)";
            if (want != got)
            {
                Assert.Fail($"{name} differs at line {i + 1} (UPDATE_SNAPSHOTS=1 rewrites it if the change is meant):\n  kept:    {want}\n  written: {got}");
            }
        }
    }
}
