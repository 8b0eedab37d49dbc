namespace Tocsin.Reports.Tests;

public class ReportWritersTests
{
    [Fact]
    public void Every_listed_format_has_a_writer_of_that_name()
    {
        ReportWriters.Formats.Select(format => ReportWriters.Create(format)!.Format).ShouldBe(ReportWriters.Formats);
    }

    [Fact]
    public void A_format_that_is_not_written_yet_has_no_writer()
    {
        ReportWriters.Create("sarif").ShouldBeNull();
    }
}
