namespace Tocsin.Backtest.Tests.Html;

/// <summary>
/// The page for four days of sign-ins, a control nothing matched and a pattern of no control, kept in
/// <c>tests/Tocsin.Backtest.Tests/Snapshots/backtest.html</c> so a change to it shows in review. Run the tests with
/// <c>UPDATE_SNAPSHOTS=1</c> to rewrite it after a change that is meant.
/// </summary>
public class BacktestHtmlSnapshotTests
{
    [Fact]
    public void The_sample_backtest_renders_as_the_kept_page()
    {
        KeptOutput.ShouldMatch(BacktestSamples.Write(BacktestSamples.SnapshotResult()), "Tocsin.Backtest.Tests", "Snapshots", "backtest.html");
    }
}
