using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Tocsin.Core.Findings;

namespace Tocsin.Reports.Tests;

public class CsvReportWriterTests
{
    private static readonly ReportContext Context = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    private static string Write(RunResult run, ReportContext? context = null)
    {
        var output = new StringWriter();
        new CsvReportWriter(context ?? Context).Write(run, output);
        return output.ToString();
    }

    /// <summary>The records of the output as RFC 4180 reads them, each cell by its column name.</summary>
    private static List<Dictionary<string, string>> Records(RunResult run, ReportContext? context = null)
    {
        var rows = Rfc4180.Parse(Write(run, context));
        return [.. rows.Skip(1).Select(row => rows[0].Zip(row).ToDictionary(pair => pair.First, pair => pair.Second))];
    }

    private static Dictionary<string, string> Record(Finding finding, ReportContext? context = null) =>
        Records(RunResult.Of([finding]), context).Single();

    [Fact]
    public void A_header_row_names_the_columns_and_each_finding_has_a_row_in_report_order()
    {
        var rows = Rfc4180.Parse(Write(SampleRuns.Mixed()));

        rows[0].ShouldBe(
        [
            "account_id", "control_id", "title", "severity", "region", "outcome", "suppressed", "reasons", "verdict", "message",
            "broken_link", "resource", "fix", "exception_owner", "exception_expires", "exception_reason", "locations",
        ]);
        rows.Count.ShouldBe(SampleRuns.Mixed().Findings.Count + 1);
        rows.Skip(1).Select(row => row[0]).ShouldBe(SampleRuns.Mixed().Findings.Select(f => f.AccountId));
        rows.ShouldAllBe(row => row.Length == rows[0].Length);
    }

    [Fact]
    public void Every_record_ends_with_CRLF_and_no_line_ends_with_a_bare_LF()
    {
        var text = Write(HostileSamples.All());

        text.ShouldEndWith("\r\n");
        text.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\n');
    }

    [Fact]
    public void A_passing_finding_has_its_control_title_severity_and_verdict()
    {
        var pass = Record(SampleRuns.Pass);

        pass["title"].ShouldBe("Alarm on Management Console sign-in without MFA");
        pass["severity"].ShouldBe("high");
        pass["region"].ShouldBe("us-east-1");
        pass["outcome"].ShouldBe("pass");
        pass["suppressed"].ShouldBe("false");
        pass["reasons"].ShouldBe("");
        pass["verdict"].ShouldBe("equivalent");
        pass["broken_link"].ShouldBe("");
        pass["fix"].ShouldBe("");
    }

    [Fact]
    public void A_failing_finding_names_the_broken_link_its_resource_and_the_command_that_fixes_it()
    {
        var hostile = Record(SampleRuns.Hostile);

        hostile["outcome"].ShouldBe("fail");
        hostile["reasons"].ShouldBe("alarm-no-action");
        hostile["broken_link"].ShouldBe("alarm");
        hostile["resource"].ShouldBe("arn:aws:cloudwatch:us-east-1:555555555555:alarm:<img src=x onerror=alert(1)>");
        hostile["fix"].ShouldBe("tocsin remediate --accounts 555555555555 --controls root-account-usage");
    }

    [Fact]
    public void Several_reasons_are_joined_with_semicolons()
    {
        var finding = SampleRuns.Fail with { Reasons = [ReasonCode.NoAlarm, ReasonCode.NoConfirmedSubscription] };

        Record(finding)["reasons"].ShouldBe("no-alarm;no-confirmed-subscription");
    }

    [Fact]
    public void A_suppressed_finding_carries_the_exception_owner_expiry_and_reason_and_no_fix()
    {
        var suppressed = Record(SampleRuns.SuppressedError);

        suppressed["outcome"].ShouldBe("error");
        suppressed["suppressed"].ShouldBe("true");
        suppressed["region"].ShouldBe("");
        suppressed["exception_owner"].ShouldBe("security@example.com");
        suppressed["exception_expires"].ShouldBe("2027-03-31");
        suppressed["exception_reason"].ShouldBe("Sandbox account, closed in March");
        suppressed["fix"].ShouldBe("");
    }

    [Fact]
    public void A_finding_on_code_lists_the_file_and_lines_of_each_link_and_no_command()
    {
        var finding = Record(SampleRuns.IacFail, Context with { Source = ReportSource.InfrastructureCode });

        finding["locations"].ShouldBe("infra/trail.tf:1-12;infra/trail.tf:14-17;infra/monitoring/filters.tf:3-13");
        finding["broken_link"].ShouldBe("metric filter");
        finding["resource"].ShouldBe("metric-filter:trail-logs/signin-no-mfa");
        finding["fix"].ShouldBe("");
    }

    [Fact]
    public void A_message_with_commas_quotes_and_line_breaks_reads_back_as_written()
    {
        var message = "alarm \"a, b\" said:\r\nnothing, \"twice\"\nend";

        Record(SampleRuns.Fail with { Message = message })["message"].ShouldBe(message);
    }

    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1+1")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public void A_cell_a_spreadsheet_would_read_as_a_formula_starts_with_a_quote_mark(string message)
    {
        Record(SampleRuns.Fail with { Message = message })["message"].ShouldBe("'" + message);
    }

    [Fact]
    public void The_formula_sample_keeps_its_comma_quotes_and_line_break_behind_the_quote_mark()
    {
        Record(HostileSamples.Formula)["message"].ShouldBe("'" + HostileSamples.Formula.Message);
    }

    [Fact]
    public void Control_characters_other_than_tabs_and_line_breaks_become_replacement_characters()
    {
        Record(HostileSamples.ControlCharacters)["message"].ShouldBe("alarm \uFFFD[2J\uFFFD[31mred\uFFFD with \uFFFD inside");
    }

    [Fact]
    public void No_cell_of_a_hostile_run_starts_like_a_formula()
    {
        var cells = Rfc4180.Parse(Write(HostileSamples.All())).SelectMany(row => row);

        cells.ShouldAllBe(cell => cell.Length == 0 || !"=+-@\t\r".Contains(cell[0]));
    }

    [Fact]
    public void A_run_without_findings_is_the_header_alone()
    {
        Rfc4180.Parse(Write(RunResult.Of([]))).Count.ShouldBe(1);
    }

    [SkippableFact]
    public void Pythons_csv_module_reads_the_same_rows()
    {
        var python = RequiredTool.Program("python3", "apt-get install python3");
        var text = Write(HostileSamples.All());
        const string Script = "import csv, io, json, sys\n"
            + "rows = list(csv.reader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8', newline=''), strict=True))\n"
            + "json.dump(rows, sys.stdout)\n";

        var start = new ProcessStartInfo(python, ["-c", Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        process.StandardInput.Write(text);
        process.StandardInput.Close();
        var read = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();

        process.ExitCode.ShouldBe(0, errors);
        JsonSerializer.Deserialize<string[][]>(read).ShouldBe(Rfc4180.Parse(text));
    }
}

/// <summary>
/// A strict reader of RFC 4180: every record ends in CRLF; a quoted field may hold commas, CR, LF and doubled
/// quotes; a quote anywhere else, a bare CR or LF, or text after a closing quote is an error.
/// </summary>
internal static class Rfc4180
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                if (field.Length > 0)
                {
                    throw new FormatException($"a quote inside an unquoted field at {i}");
                }

                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("a quoted field is not closed");
                    }

                    if (text[i] == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                    }
                    else if (text[i] == '"')
                    {
                        i++;
                        break;
                    }
                    else
                    {
                        field.Append(text[i++]);
                    }
                }

                if (i < text.Length && text[i] != ',' && text[i] != '\r')
                {
                    throw new FormatException($"text after a closing quote at {i}");
                }
            }
            else if (text[i] == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i += 2;
            }
            else if (text[i] is '\r' or '\n')
            {
                throw new FormatException($"a bare line break outside quotes at {i}");
            }
            else
            {
                field.Append(text[i++]);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            throw new FormatException("the last record does not end with CRLF");
        }

        return records;
    }
}
