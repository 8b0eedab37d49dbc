using Tocsin.Core.Findings;

namespace Tocsin.Reports.Tests;

public class TextReportWriterTests
{
    private static readonly ReportContext Context = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    private static string Write(RunResult run, bool colour = false, int width = TextReportWriter.DefaultWidth, ReportSource source = ReportSource.Live)
    {
        var output = new StringWriter();
        new TextReportWriter(Context with { Colour = colour, Width = width, Source = source }).Write(run, output);
        return output.ToString();
    }

    private static string[] Lines(string text) => text.Split('\n');

    private static bool IsRule(string line) => line.Length > 0 && line.All(c => c == '─');

    /// <summary>The row of a control in the table of an account: the lines after the account's heading, from the control's row to the next row.</summary>
    private static List<string> Block(string text, string account, string control)
    {
        var lines = Lines(text).SkipWhile(line => !line.StartsWith($"Account {account}:", StringComparison.Ordinal)).ToList();
        var row = lines.FindIndex(line => line.StartsWith(control + " ", StringComparison.Ordinal));
        return [lines[row], .. lines.Skip(row + 1).TakeWhile(line => line.StartsWith(' '))];
    }

    /// <summary>A finding whose message is far longer than any line: 40 numbered words.</summary>
    private static Finding LongFinding => SampleRuns.Fail with
    {
        Message = string.Join(' ', Enumerable.Range(1, 40).Select(n => $"word{n:00}-of-a-long-explanation")),
        InheritedFrom = null,
    };

    [Fact]
    public void The_mixed_run_at_120_columns_reads_as_the_snapshot()
    {
        KeptOutput.ShouldMatch(Write(SampleRuns.Mixed(), width: 120), "Tocsin.Reports.Tests", "Snapshots", "text-mixed-120.txt");
    }

    [Fact]
    public void The_mixed_run_at_80_columns_reads_as_the_snapshot()
    {
        KeptOutput.ShouldMatch(Write(SampleRuns.Mixed(), width: 80), "Tocsin.Reports.Tests", "Snapshots", "text-mixed-80.txt");
    }

    [Fact]
    public void By_default_the_report_is_laid_out_in_120_columns()
    {
        var output = new StringWriter();
        new TextReportWriter(Context).Write(RunResult.Of([SampleRuns.Pass, LongFinding]), output);

        Lines(output.ToString()).ShouldAllBe(line => line.Length <= 120);
        Lines(output.ToString()).Max(line => line.Length).ShouldBeGreaterThan(100);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(100)]
    [InlineData(120)]
    public void No_line_is_longer_than_the_width_even_with_a_300_character_message_and_a_long_ARN(int width)
    {
        var lines = Lines(Write(HostileSamples.All(), width: width));

        lines.Where(line => line.Length > width).ShouldBeEmpty();
        lines.Where(IsRule).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void The_rule_of_an_account_is_as_wide_as_the_widest_line_of_its_table(int width)
    {
        var lines = Lines(Write(RunResult.Of([SampleRuns.Pass, LongFinding, SampleRuns.SuppressedError]), width: width));

        foreach (var start in Enumerable.Range(0, lines.Length).Where(i => IsRule(lines[i]) && lines[i - 2].StartsWith("Account ", StringComparison.Ordinal)))
        {
            var table = lines.Skip(start + 1).TakeWhile(line => line.Length > 0).ToList();
            lines[start].Length.ShouldBeLessThanOrEqualTo(width);
            table.ShouldAllBe(line => line.Length <= lines[start].Length);
        }
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void A_long_ARN_without_spaces_wraps_with_every_character_in_order(int width)
    {
        var block = Block(Write(RunResult.Of([HostileSamples.LongName]), width: width), "999999999999", "console-signin-without-mfa");

        string.Concat(block.Skip(1).Where(line => !line.TrimStart().StartsWith("fix:", StringComparison.Ordinal)).Select(line => line.Trim()))
            .ShouldContain(HostileSamples.LongArn);
    }

    [Fact]
    public void A_long_finding_wraps_under_its_row_with_every_word_in_order()
    {
        var block = Block(Write(RunResult.Of([LongFinding]), width: 100), "222222222222", "console-signin-without-mfa");

        var message = block.Skip(1).TakeWhile(line => !line.TrimStart().StartsWith("fix:", StringComparison.Ordinal)).ToList();
        message.Count.ShouldBeGreaterThan(1);
        message.ShouldAllBe(line => line.StartsWith("  ", StringComparison.Ordinal));
        string.Join(' ', message.Select(line => line.Trim())).ShouldBe(LongFinding.Message);
    }

    [Fact]
    public void Findings_are_grouped_under_a_heading_per_account_with_its_counts()
    {
        var lines = Lines(Write(SampleRuns.Mixed()));

        var headings = lines.Where(line => line.StartsWith("Account ", StringComparison.Ordinal)).ToList();
        headings.ShouldBe(
        [
            "Account 111111111111: 1 pass, 0 fail, 0 error, 0 suppressed",
            "Account 222222222222: 0 pass, 1 fail, 0 error, 0 suppressed",
            "Account 333333333333: 0 pass, 0 fail, 0 error, 1 suppressed",
            "Account 444444444444: 1 pass, 0 fail, 0 error, 0 suppressed",
            "Account 555555555555: 0 pass, 1 fail, 0 error, 0 suppressed",
        ]);
        foreach (var finding in SampleRuns.Mixed().Findings)
        {
            var heading = Array.IndexOf(lines, headings.Single(h => h.Contains(finding.AccountId, StringComparison.Ordinal)));
            var next = Array.FindIndex(lines, heading + 1, line => line.StartsWith("Account ", StringComparison.Ordinal) || line == "By control");
            Array.FindIndex(lines, heading, next - heading, line => line.StartsWith(finding.ControlId + " ", StringComparison.Ordinal)).ShouldBeGreaterThan(heading, finding.AccountId);
        }
    }

    [Fact]
    public void Each_row_has_the_control_its_severity_region_and_outcome_and_the_message_under_it()
    {
        var block = Block(Write(SampleRuns.Run()), "222222222222", "console-signin-without-mfa");

        block[0].ShouldBe("console-signin-without-mfa   high       us-east-1   FAIL");
        block[1].ShouldBe("  alarm console-signin-without-mfa has no confirmed subscriber: the only subscription is PendingConfirmation");
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Only_a_failing_finding_that_is_not_suppressed_has_the_command_that_fixes_it_under_it(int width)
    {
        var run = HostileSamples.All();
        var text = Write(run, width: width);

        Lines(text).Count(line => line.TrimStart().StartsWith("fix:", StringComparison.Ordinal)).ShouldBe(run.Summary.Fail);
        foreach (var finding in run.Findings)
        {
            var block = Block(text, finding.AccountId, finding.ControlId);
            var command = block.SkipWhile(line => !line.TrimStart().StartsWith("fix:", StringComparison.Ordinal)).ToList();
            if (finding.Outcome == Outcome.Fail && !finding.Suppressed)
            {
                Pasted(command).ShouldBe($"fix: tocsin remediate --accounts {finding.AccountId} --controls {finding.ControlId}");
            }
            else
            {
                command.ShouldBeEmpty(finding.AccountId);
            }
        }
    }

    [Theory]
    [InlineData(60)]
    [InlineData(80)]
    public void A_command_that_does_not_fit_breaks_with_a_backslash_so_a_shell_reads_one_command(int width)
    {
        var block = Block(Write(RunResult.Of([SampleRuns.Fail]), width: width), "222222222222", "console-signin-without-mfa");
        var command = block.SkipWhile(line => !line.TrimStart().StartsWith("fix:", StringComparison.Ordinal)).ToList();

        command.Count.ShouldBeGreaterThan(1);
        command.SkipLast(1).ShouldAllBe(line => line.EndsWith(" \\", StringComparison.Ordinal));
        command.ShouldAllBe(line => line.Length <= width);
        Pasted(command).ShouldBe("fix: tocsin remediate --accounts 222222222222 --controls console-signin-without-mfa");
    }

    [Fact]
    public void Findings_on_code_have_no_command_to_run()
    {
        Write(SampleRuns.Iac(), source: ReportSource.InfrastructureCode).ShouldNotContain("fix:");
    }

    [Fact]
    public void A_suppressed_finding_says_so_and_names_the_exception_owner_under_it()
    {
        var block = Block(Write(SampleRuns.Run()), "333333333333", "console-signin-without-mfa");

        block[0].ShouldEndWith("ERROR (suppressed)");
        block.ShouldContain("  exception exceptions.yaml:2, owner security@example.com, until 2027-03-31: Sandbox account, closed in March");
    }

    [Fact]
    public void An_inherited_finding_names_the_account_that_owns_the_organization_trail()
    {
        string.Join(' ', Block(Write(SampleRuns.Run()), "222222222222", "console-signin-without-mfa")).ShouldContain("(organization trail of 111111111111)");
    }

    [Fact]
    public void Each_control_is_summed_up_across_accounts_with_its_severity()
    {
        var lines = Lines(Write(SampleRuns.Mixed()));
        var summary = lines.SkipWhile(line => line != "By control").ToList();

        summary[1].ShouldBe("Control                      Severity   Pass   Fail   Error   Suppressed");
        summary.ShouldContain("console-signin-without-mfa   high          2      1       0            1");
        summary.ShouldContain("root-account-usage           high          0      1       0            0");
    }

    [Fact]
    public void The_totals_close_the_report()
    {
        Write(SampleRuns.Run()).ShouldContain("\n3 accounts, 1 control: 1 pass, 1 fail, 0 error, 1 suppressed\n");
    }

    [Fact]
    public void The_cost_of_a_scan_follows_the_totals()
    {
        var run = SampleRuns.Run() with { Collection = new CollectionSummary(42, 3, 2, 1, TimeSpan.FromSeconds(7.24), []) };

        Write(run).ShouldContain("42 API calls (3 throttled, 2 retried, 1 failed) in 7.2 s");
    }

    [Fact]
    public void Expired_exceptions_are_listed_after_the_totals()
    {
        var after = Lines(Write(SampleRuns.Run())).SkipWhile(line => !line.StartsWith("3 accounts", StringComparison.Ordinal)).Skip(1).Where(line => line.Length > 0);

        string.Join(' ', after.Select(line => line.Trim())).ShouldBe("Expired exception exceptions.yaml:9: root-account-usage for 111111111111, owner platform@example.com, expired 2026-01-31; it suppresses nothing.");
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
    public void Control_characters_from_AWS_never_reach_the_terminal()
    {
        var text = Write(RunResult.Of([HostileSamples.ControlCharacters]), colour: true);

        text.ShouldNotContain("\u001b[2J");
        text.ShouldNotContain('\u0007');
        text.ShouldNotContain('\0');
        text.ShouldContain("alarm \uFFFD[2J\uFFFD[31mred\uFFFD with \uFFFD inside");
    }

    [Fact]
    public void No_line_ends_in_blanks()
    {
        Lines(Write(HostileSamples.All(), width: 80)).ShouldAllBe(line => line.Length == line.TrimEnd().Length);
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

    /// <summary>The command as a shell reads the lines: each trailing <c>\</c> joins the next line.</summary>
    private static string Pasted(IEnumerable<string> lines) =>
        string.Join(' ', lines.Select(line => line.Trim().TrimEnd('\\').Trim()));
}
