using System.Text;
using Tocsin.Core.Controls;
using Tocsin.Core.Findings;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Reports;

/// <summary>
/// One row per finding, in report order, after a header row: RFC 4180 (CRLF line ends; a field with a comma, quote,
/// CR or LF is quoted, its quotes doubled) for spreadsheets and scripts. A cell that a spreadsheet would read as a
/// formula (it starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR) gets a leading <c>'</c>, as OWASP's
/// "CSV Injection" advice says: names and messages come from AWS, and an alarm named <c>=HYPERLINK(...)</c> must
/// stay text. Other control characters become U+FFFD, so the file is safe to print in a terminal.
/// </summary>
public sealed class CsvReportWriter(ReportContext context) : IReportWriter
{
    private const string LineEnd = "\r\n";

    /// <summary>The columns, in order; a script reads them by these names.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "account_id", "control_id", "title", "severity", "region", "outcome", "suppressed", "reasons", "verdict", "message",
        "broken_link", "resource", "fix", "exception_owner", "exception_expires", "exception_reason", "locations",
    ];

    public string Format => "csv";

    public void Write(RunResult result, TextWriter output)
    {
        var text = new StringBuilder();
        WriteRow(text, Columns);
        foreach (var finding in result.Findings)
        {
            WriteRow(text, Row(finding));
        }

        output.Write(text.ToString());
    }

    private string[] Row(Finding finding)
    {
        var control = ControlCatalog.Default.Find(finding.ControlId);
        var stop = ChainLinks.Of(finding).FirstOrDefault(link => link.State is LinkState.Broken or LinkState.Unseen);
        var exception = finding.SuppressedBy;
        return
        [
            finding.AccountId,
            finding.ControlId,
            control?.Title ?? "",
            control?.Severity.ToString().ToLowerInvariant() ?? "",
            finding.Region ?? "",
            finding.Outcome.ToCode(),
            finding.Suppressed ? "true" : "false",
            string.Join(';', finding.Reasons.Select(reason => reason.ToCode())),
            finding.Verdict?.ToName() ?? "",
            finding.Message,
            stop?.Name ?? "",
            stop?.Resource ?? "",
            context.FixCommand(finding) ?? "",
            exception?.Owner ?? "",
            exception?.Expires.ToString("yyyy-MM-dd") ?? "",
            exception?.Reason ?? "",
            string.Join(';', (finding.Locations ?? []).Select(Place)),
        ];
    }

    /// <summary><c>file:start-end</c>, or <c>file:start</c> for one line, or just the file when its lines are not known.</summary>
    private static string Place(Location location) => (location.StartLine, location.EndLine) switch
    {
        ({ } start, { } end) when end != start => $"{location.File}:{start}-{end}",
        ({ } start, _) => $"{location.File}:{start}",
        _ => location.File,
    };

    private static void WriteRow(StringBuilder text, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Field(cells[i]));
        }

        text.Append(LineEnd);
    }

    /// <summary>
    /// The cell as CSV: control characters other than tab and line breaks (an escape sequence that would recolour a
    /// terminal showing the file) replaced by U+FFFD, formula-looking text made plain with a leading quote mark, then
    /// quoted when it must be.
    /// </summary>
    internal static string Field(string value)
    {
        var text = string.Concat(value.Select(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n') ? '\uFFFD' : c));
        var cell = text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
