using System.Globalization;
using Spectre.Console;
using Tocsin.Core.Controls;
using Tocsin.Core.Findings;

namespace Tocsin.Reports;

/// <summary>
/// The report a person reads in a terminal: for each account a heading with its counts and a table of its findings
/// (control, severity, region, outcome), each finding's message under its row across the whole width, and under a
/// failing one the command that fixes it; then each control's counts across accounts, the totals, the cost of the
/// scan and any expired exceptions. No line is longer than <see cref="ReportContext.Width"/>: a long message or a
/// name without spaces wraps, a long command breaks with a shell's <c>\</c> so it still pastes. Colour only when
/// <see cref="ReportContext.Colour"/>; no trailing blanks.
/// </summary>
/// <remarks>
/// The message goes under its row, not in a fifth column: at 80 columns the four short columns take 75, and a
/// message column would be a few characters wide.
/// </remarks>
public sealed class TextReportWriter(ReportContext context) : IReportWriter
{
    public const int DefaultWidth = 120;

    private const string Gap = "   ";
    private const string Indent = "  ";

    private static readonly Style Heading = new(decoration: Decoration.Bold);
    private static readonly Style Quiet = new(Color.Grey);
    private static readonly Style Command = new(Color.Aqua);

    private int Width => Math.Max(context.Width, 20);

    public string Format => "text";

    public void Write(RunResult result, TextWriter output)
    {
        var rendered = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = context.Colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = context.Colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(rendered),
        });
        console.Profile.Width = Width;
        foreach (var line in Report(result))
        {
            foreach (var (text, style) in line)
            {
                console.Write(new Text(text, style));
            }

            console.WriteLine();
        }

        output.Write(string.Join('\n', rendered.ToString().Split('\n').Select(line => line.TrimEnd())));
    }

    private IEnumerable<Line> Report(RunResult result)
    {
        if (result.Findings.Count == 0)
        {
            yield return Plain("No findings.");
        }
        else
        {
            foreach (var line in Accounts(result.Findings).Concat(Controls(result.Findings)))
            {
                yield return line;
            }
        }

        yield return Plain(Fit(Totals(result.Summary)));
        if (result.Collection is { } collection)
        {
            yield return Plain(Fit($"{collection.Calls} API calls ({collection.Throttles} throttled, {collection.Retries} retried, {collection.Failures} failed) in {collection.Duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"));
        }

        foreach (var entry in result.Summary.ExpiredExceptions)
        {
            var text = $"Expired exception {entry.File}:{entry.Line}: {entry.Control} for {string.Join(", ", entry.Accounts)}, owner {entry.Owner}, expired {entry.Expires:yyyy-MM-dd}; it suppresses nothing.";
            var parts = Wrap(Printable(text), Width);
            yield return Plain(parts[0]);
            foreach (var part in Wrap(string.Join(' ', parts.Skip(1)), Width - Indent.Length).Where(part => part.Length > 0))
            {
                yield return Plain(Indent + part);
            }
        }
    }

    /// <summary>Each account: its heading, then its table, one rule as wide as the widest table line of the whole report.</summary>
    private List<Line> Accounts(IReadOnlyList<Finding> findings)
    {
        var table = new Columns(["Control", "Severity", "Region", "Outcome"], [.. findings.Select(Cells)], Width);
        var blocks = findings.GroupBy(finding => finding.AccountId)
            .Select(account => (
                Heading: $"Account {Printable(account.Key)}: {Counts(account)}",
                Rows: account.SelectMany(finding => table.Row(Cells(finding), OutcomeStyle(finding)).Concat(Details(finding))).ToList()))
            .ToList();
        var rule = Math.Min(Width, blocks.SelectMany(block => block.Rows).Select(Length).Append(table.Width).Max());

        var lines = new List<Line>();
        foreach (var block in blocks)
        {
            lines.AddRange(Wrap(block.Heading, Width).Select(text => Styled(text, Heading)));
            lines.AddRange(table.Row(table.Headers, null));
            lines.Add(Plain(new string('─', rule)));
            lines.AddRange(block.Rows);
            lines.Add(Plain(""));
        }

        return lines;
    }

    /// <summary>Each control once, with its severity and how many accounts pass, fail, error or are suppressed.</summary>
    private List<Line> Controls(IReadOnlyList<Finding> findings)
    {
        var rows = findings.GroupBy(finding => finding.ControlId).OrderBy(control => control.Key, StringComparer.Ordinal)
            .Select(control => (string[])
            [
                Printable(control.Key),
                Severity(control.Key),
                Count(control, Outcome.Pass),
                Count(control, Outcome.Fail),
                Count(control, Outcome.Error),
                control.Count(f => f.Suppressed).ToString(CultureInfo.InvariantCulture),
            ])
            .ToList();
        var table = new Columns(["Control", "Severity", "Pass", "Fail", "Error", "Suppressed"], rows, Width, rightAlignedFrom: 2);

        List<Line> lines = [Styled("By control", Heading), .. table.Row(table.Headers, null), Plain(new string('─', Math.Min(Width, table.Width)))];
        lines.AddRange(rows.SelectMany(row => table.Row(row, null)));
        lines.Add(Plain(""));
        return lines;

        static string Count(IEnumerable<Finding> control, Outcome outcome) =>
            control.Count(f => !f.Suppressed && f.Outcome == outcome).ToString(CultureInfo.InvariantCulture);
    }

    private static string[] Cells(Finding finding) =>
    [
        Printable(finding.ControlId),
        Severity(finding.ControlId),
        Printable(finding.Region ?? "-"),
        finding.Outcome.ToCode().ToUpperInvariant() + (finding.Suppressed ? " (suppressed)" : ""),
    ];

    /// <summary>The lines under a finding's row: its message, the exception that suppresses it, the command that fixes it.</summary>
    private IEnumerable<Line> Details(Finding finding)
    {
        var message = finding.InheritedFrom is null ? finding.Message : $"{finding.Message} (organization trail of {finding.InheritedFrom})";
        foreach (var text in Wrap(Printable(message), Width - Indent.Length))
        {
            yield return Plain(Indent + text);
        }

        if (finding.SuppressedBy is { } entry)
        {
            var exception = $"exception {entry.File}:{entry.Line}, owner {entry.Owner}, until {entry.Expires:yyyy-MM-dd}: {entry.Reason}";
            foreach (var text in Wrap(Printable(exception), Width - Indent.Length))
            {
                yield return Styled(Indent + text, Quiet);
            }
        }

        if (context.FixCommand(finding) is { } fix)
        {
            foreach (var text in CommandLines(Indent + "fix: ", Printable(fix)))
            {
                yield return Styled(text, Command);
            }
        }
    }

    /// <summary>
    /// The command on one line when it fits; otherwise broken between words, each line but the last ending in
    /// <c>\</c>, so a shell still reads one command when it is pasted.
    /// </summary>
    private List<string> CommandLines(string prefix, string command)
    {
        if (prefix.Length + command.Length <= Width)
        {
            return [prefix + command];
        }

        var continuation = new string(' ', prefix.Length + 2);
        var lines = new List<string>();
        var line = prefix;
        var empty = true;
        foreach (var word in command.Split(' '))
        {
            if (!empty && line.Length + 1 + word.Length + " \\".Length > Width)
            {
                lines.Add(line + " \\");
                (line, empty) = (continuation, true);
            }

            (line, empty) = (line + (empty ? "" : " ") + word, false);
        }

        lines.Add(line);

        // A word longer than a line (only in a very narrow terminal) is cut: the report still fits.
        return [.. lines.SelectMany(text => text.Chunk(Width).Select(chunk => new string(chunk)))];
    }

    private static string Counts(IEnumerable<Finding> findings) => Counts(RunSummary.Of([.. findings], []));

    private static string Counts(RunSummary summary) =>
        $"{summary.Pass} pass, {summary.Fail} fail, {summary.Error} error, {summary.Suppressed} suppressed";

    private static string Severity(string controlId) =>
        ControlCatalog.Default.Find(controlId)?.Severity.ToString().ToLowerInvariant() ?? "-";

    private static Style? OutcomeStyle(Finding finding) =>
        finding.Suppressed ? Quiet
        : finding.Outcome switch
        {
            Outcome.Pass => new Style(Color.Green),
            Outcome.Fail => new Style(Color.Red),
            _ => new Style(Color.Yellow),
        };

    private static string Totals(RunSummary summary) =>
        $"{summary.Accounts} {Plural(summary.Accounts, "account")}, {summary.Controls} {Plural(summary.Controls, "control")}: {Counts(summary)}";

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";

    private string Fit(string text) => string.Join('\n', Wrap(text, Width));

    /// <summary>
    /// A name or message from AWS as a terminal may show it: control characters (an escape sequence, a newline)
    /// would move the cursor or recolour the screen, so a line break becomes a space and the others U+FFFD.
    /// </summary>
    internal static string Printable(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] switch
                {
                    '\n' or '\r' or '\t' => ' ',
                    var c when char.IsControl(c) => '\uFFFD',
                    var c => c,
                };
            }
        });

    /// <summary>Words in lines of at most <paramref name="width"/> characters; a word longer than a line is cut.</summary>
    internal static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line);
                line = "";
            }

            var rest = word;
            for (; rest.Length > width; rest = rest[width..])
            {
                lines.Add(rest[..width]);
            }

            line = line.Length == 0 ? rest : $"{line} {rest}";
        }

        if (line.Length > 0 || lines.Count == 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static int Length(Line line) => line.Sum(segment => segment.Text.Length);

    private static Line Plain(string text) => [(text, null)];

    private static Line Styled(string text, Style? style) => [(text, style)];

    /// <summary>
    /// Columns as wide as their widest cell, three spaces apart; when they do not fit the width the widest gives way
    /// first and its cells wrap.
    /// </summary>
    private sealed class Columns
    {
        private readonly int[] widths;
        private readonly int rightAlignedFrom;

        public Columns(string[] headers, IReadOnlyList<string[]> rows, int width, int rightAlignedFrom = int.MaxValue)
        {
            Headers = headers;
            this.rightAlignedFrom = rightAlignedFrom;
            widths = [.. headers.Select((header, i) => rows.Select(row => row[i].Length).Append(header.Length).Max())];
            while (Width > width && widths.Max() > 4)
            {
                widths[Array.IndexOf(widths, widths.Max())]--;
            }
        }

        public string[] Headers { get; }

        public int Width => widths.Sum() + (Gap.Length * (widths.Length - 1));

        /// <summary>The row's lines; the cell at <see cref="Headers"/>' last index takes <paramref name="lastStyle"/>.</summary>
        public IEnumerable<Line> Row(string[] cells, Style? lastStyle)
        {
            var wrapped = cells.Select((cell, i) => Wrap(cell, widths[i])).ToList();
            var height = wrapped.Max(lines => lines.Count);
            for (var n = 0; n < height; n++)
            {
                var line = new Line();
                var pending = "";
                for (var i = 0; i < cells.Length; i++)
                {
                    var text = n < wrapped[i].Count ? wrapped[i][n] : "";
                    var padded = i >= rightAlignedFrom ? text.PadLeft(widths[i]) : i == cells.Length - 1 ? text : text.PadRight(widths[i]);
                    var style = i == cells.Length - 1 ? lastStyle : null;
                    if (style is null)
                    {
                        pending += (i > 0 ? Gap : "") + padded;
                    }
                    else
                    {
                        line.Add((pending + (i > 0 ? Gap : ""), null));
                        line.Add((padded, style));
                        pending = "";
                    }
                }

                line.Add((pending.TrimEnd(), null));
                yield return line;
            }
        }
    }

    private sealed class Line : List<(string Text, Style? Style)>;
}
