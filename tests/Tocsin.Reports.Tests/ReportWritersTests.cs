namespace Tocsin.Reports.Tests;

public class ReportWritersTests
{
    private static readonly ReportContext Context = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Every_listed_format_has_a_writer_of_that_name()
    {
        ReportWriters.Formats.Select(format => ReportWriters.Create(format, Context)!.Format).ShouldBe(ReportWriters.Formats);
    }

    [Fact]
    public void An_unknown_format_has_no_writer()
    {
        ReportWriters.Create("pdf", Context).ShouldBeNull();
    }

    [Fact]
    public void Every_format_writes_the_same_run_the_same_way_twice()
    {
        foreach (var format in ReportWriters.Formats)
        {
            string Once()
            {
                var output = new StringWriter();
                ReportWriters.Create(format, Context)!.Write(SampleRuns.Run(), output);
                return output.ToString();
            }

            Once().ShouldBe(Once(), format);
        }
    }
}
