using Spectre.Console;
using Tocsin.Core.Findings;

namespace Tocsin.Reports;

/// <summary>
/// A table with one row per account and control: the outcome and the broken link in words, then the totals
/// and any expired exceptions. Colour only when writing to a terminal; plain text otherwise.
/// </summary>
/// <param name="colour">True when the output is a terminal that shows colour.</param>
/// <param name="width">
/// Columns to lay the report out in (a terminal's width, or 120 in a pipe or file): no line is longer, the table's
/// rule is as wide as the table, and a long finding wraps inside its cell.
/// </param>
public sealed class TextReportWriter(bool colour = false, int width = TextReportWriter.DefaultWidth) : IReportWriter
{
    public const int DefaultWidth = 120;

    public string Format => "text";

    public void Write(RunResult result, TextWriter output)
    {
        // Spectre pads every cell to the column width; trailing blanks only get in the way of diff and grep.
        var rendered = new StringWriter();
        Render(result, rendered);
        var lines = rendered.ToString().Split('\n').Select(line => line.TrimEnd()).SkipWhile(line => line.Length == 0);
        output.Write(string.Join('\n', lines));
    }

    private void Render(RunResult result, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;

        if (result.Findings.Count == 0)
        {
            console.WriteLine("No findings.");
        }
        else
        {
            console.Write(Table(result.Findings));
        }

        console.WriteLine(Totals(result.Summary));
        if (result.Collection is { } collection)
        {
            console.WriteLine($"{collection.Calls} API calls ({collection.Throttles} throttled, {collection.Retries} retried, {collection.Failures} failed) in {collection.Duration.TotalSeconds:0.0} s");
        }

        foreach (var entry in result.Summary.ExpiredExceptions)
        {
            console.WriteLine($"Expired exception {entry.File}:{entry.Line}: {entry.Control} for {string.Join(", ", entry.Accounts)}, owner {entry.Owner}, expired {entry.Expires:yyyy-MM-dd}; it suppresses nothing.");
        }
    }

    private static Table Table(IEnumerable<Finding> findings)
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumns("Account", "Control", "Region", "Outcome", "Finding");
        foreach (var finding in findings)
        {
            table.AddRow(
                new Text(finding.AccountId),
                new Text(finding.ControlId),
                new Text(finding.Region ?? "-"),
                OutcomeCell(finding),
                new Text(Explanation(finding)));
        }

        return table;
    }

    private static Markup OutcomeCell(Finding finding)
    {
        var word = finding.Outcome.ToCode().ToUpperInvariant();
        if (finding.Suppressed)
        {
            return new Markup($"[grey]{word} (suppressed)[/]");
        }

        var style = finding.Outcome switch
        {
            Outcome.Pass => "green",
            Outcome.Fail => "red",
            _ => "yellow",
        };
        return new Markup($"[{style}]{word}[/]");
    }

    private static string Explanation(Finding finding)
    {
        var text = finding.Message;
        if (finding.InheritedFrom is not null)
        {
            text += $" (organization trail of {finding.InheritedFrom})";
        }

        if (finding.SuppressedBy is { } entry)
        {
            text += $" [exception {entry.File}:{entry.Line}, owner {entry.Owner}, until {entry.Expires:yyyy-MM-dd}: {entry.Reason}]";
        }

        return text;
    }

    private static string Totals(RunSummary summary) =>
        $"{summary.Accounts} {Plural(summary.Accounts, "account")}, {summary.Controls} {Plural(summary.Controls, "control")}: "
        + $"{summary.Pass} pass, {summary.Fail} fail, {summary.Error} error, {summary.Suppressed} suppressed";

    private static string Plural(int count, string word) => count == 1 ? word : word + "s";
}
