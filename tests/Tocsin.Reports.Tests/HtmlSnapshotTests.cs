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
        KeptOutput.ShouldMatch(HtmlSamples.Write(SampleRuns.Mixed()), "Tocsin.Reports.Tests", "Snapshots", "html", "mixed.html");
    }

    [Fact]
    public void The_same_run_and_context_write_the_same_bytes()
    {
        HtmlSamples.Write(SampleRuns.Mixed()).ShouldBe(HtmlSamples.Write(SampleRuns.Mixed()));
    }
}
