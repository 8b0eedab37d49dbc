using Tocsin.Core.Findings;

namespace Tocsin.Reports.Tests;

public class TextReportWriterTests
{
    /// <summary>Wide enough that each finding of the sample runs stays on one line.</summary>
    private const int Wide = 1000;

    private static string Write(RunResult run, bool colour = false, int width = Wide)
    {
        var output = new StringWriter();
        new TextReportWriter(colour, width).Write(run, output);
        return output.ToString();
    }

    private static string Row(string text, string account) => text.Split('\n').Single(line => line.Contains(account, StringComparison.Ordinal));

    private static string[] Lines(string text) => text.Split('\n');

    /// <summary>A finding whose message is far longer than any line: 40 numbered words.</summary>
    private static Finding LongFinding => SampleRuns.Fail with
    {
        Message = string.Join(' ', Enumerable.Range(1, 40).Select(n => $"word{n:00}-of-a-long-explanation")),
    };

    [Fact]
    public void By_default_the_report_is_laid_out_in_120_columns()
    {
        var output = new StringWriter();
        new TextReportWriter().Write(RunResult.Of([SampleRuns.Pass, LongFinding]), output);

        Lines(output.ToString()).ShouldAllBe(line => line.Length <= 120);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(100)]
    [InlineData(120)]
    public void No_line_is_longer_than_the_width_and_the_rule_is_as_wide_as_the_table(int width)
    {
        var lines = Lines(Write(RunResult.Of([SampleRuns.Pass, LongFinding, SampleRuns.SuppressedError]), width: width));

        var rule = lines.Single(line => line.Length > 0 && line.All(c => c == '─' || c == ' '));
        rule.Length.ShouldBeLessThanOrEqualTo(width);
        lines.ShouldAllBe(line => line.Length <= rule.Length);
    }

    [Fact]
    public void A_long_finding_wraps_inside_its_cell_with_every_word_in_order()
    {
        var lines = Lines(Write(RunResult.Of([LongFinding]), width: 100));

        var column = lines.First(line => line.Contains("Finding", StringComparison.Ordinal)).IndexOf("Finding", StringComparison.Ordinal);
        var cell = lines.Skip(2).TakeWhile(line => line.Length > 0).Select(line => line[column..].Trim());
        string.Join(' ', cell).ShouldStartWith(LongFinding.Message);
    }

    [Fact]
    public void Each_account_and_control_gets_a_row_with_its_outcome_and_the_broken_link_in_words()
    {
        var row = Row(Write(SampleRuns.Run()), "222222222222");

        row.ShouldContain("console-signin-without-mfa");
        row.ShouldContain("FAIL");
        row.ShouldContain("alarm console-signin-without-mfa has no confirmed subscriber: the only subscription is PendingConfirmation");
    }

    [Fact]
    public void A_suppressed_finding_says_so_and_names_the_exception_owner()
    {
        var row = Row(Write(SampleRuns.Run()), "333333333333");

        row.ShouldContain("ERROR (suppressed)");
        row.ShouldContain("owner security@example.com");
    }

    [Fact]
    public void An_inherited_finding_names_the_account_that_owns_the_organization_trail()
    {
        Row(Write(SampleRuns.Run()), "222222222222").ShouldContain("(organization trail of 111111111111)");
    }

    [Fact]
    public void The_totals_close_the_report()
    {
        Write(SampleRuns.Run()).ShouldContain("3 accounts, 1 control: 1 pass, 1 fail, 0 error, 1 suppressed");
    }

    [Fact]
    public void Expired_exceptions_are_listed_after_the_table()
    {
        Write(SampleRuns.Run()).ShouldContain("Expired exception exceptions.yaml:9: root-account-usage for 111111111111, owner platform@example.com, expired 2026-01-31; it suppresses nothing.");
    }

    [Fact]
    public void Output_that_is_not_a_terminal_has_no_escape_codes()
    {
        Write(SampleRuns.Run()).ShouldNotContain("\u001b[");
    }

    [Fact]
    public void Output_to_a_terminal_is_coloured()
    {
        Write(SampleRuns.Run(), colour: true).ShouldContain("\u001b[");
    }

    [Fact]
    public void A_run_without_findings_says_so()
    {
        Write(RunResult.Of([])).ShouldContain("No findings.");
    }

    [Fact]
    public void Message_text_with_brackets_is_printed_as_written()
    {
        var finding = SampleRuns.Fail with { Message = "pattern [$.eventName] is not valid" };

        Write(RunResult.Of([finding])).ShouldContain("pattern [$.eventName] is not valid");
    }
}
