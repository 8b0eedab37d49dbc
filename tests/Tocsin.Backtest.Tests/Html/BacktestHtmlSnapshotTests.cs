namespace Tocsin.Backtest.Tests.Html;

/// <summary>
/// The page for four days of sign-ins, a control nothing matched and a pattern of no control, kept in
/// <c>tests/Tocsin.Backtest.Tests/Snapshots/backtest.html</c> so a change to it shows in review. Run the tests with
/// <c>UPDATE_SNAPSHOTS=1</c> to rewrite it after a change that is meant.
/// </summary>
public class BacktestHtmlSnapshotTests
{
    private static string Kept => Path.Combine(RepositoryFiles.Root, "tests", "Tocsin.Backtest.Tests", "Snapshots", "backtest.html");

    [Fact]
    public void The_sample_backtest_renders_as_the_kept_page()
    {
        var actual = BacktestSamples.Write(BacktestSamples.SnapshotResult());
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(Kept, actual);
            return;
        }

        File.Exists(Kept).ShouldBeTrue($"{Kept} is missing; run the tests with UPDATE_SNAPSHOTS=1 to write it");
        var expected = File.ReadAllText(Kept).ReplaceLineEndings("\n").Split('\n');
        var lines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expected.Length, lines.Length); i++)
        {
            var want = i < expected.Length ? expected[i] : "(end of file)";
            var got = i < lines.Length ? lines[i] : "(end of page)";
            if (want != got)
            {
                Assert.Fail($"backtest.html differs at line {i + 1} (UPDATE_SNAPSHOTS=1 rewrites it if the change is meant):\n  kept:    {want}\n  written: {got}");
            }
        }
    }
}
