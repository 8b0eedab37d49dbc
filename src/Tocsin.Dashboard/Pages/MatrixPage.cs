using Tocsin.Core.Controls;
using Tocsin.Core.Findings;
using Tocsin.Reports.Html;
using Tocsin.Store;

namespace Tocsin.Dashboard.Pages;

/// <summary>
/// <c>/</c>: a run's accounts down and controls across, each cell coloured by how the finding stands and labelled with
/// its symbol and word, linking to the finding; then every run in the store, to pick another (<c>?run=ID</c>).
/// </summary>
internal static class MatrixPage
{
    public static PageResult Render(StoreView view, string? runName)
    {
        var run = runName is null ? view.Latest() : view.Run(runName);
        var result = view.Store.Result(run);
        return PageResult.Ok(Layout.Page($"Accounts × controls in run {run.Id}", view.Display, html =>
        {
            RunFacts.Summary(html, run);
            Matrix(html, run, result);
            RunsTable.Write(html, view.Runs, run);
        }));
    }

    /// <summary>The controls of the findings in catalog order (the seed control first); ids the catalog lacks come last.</summary>
    public static IReadOnlyList<string> ControlsOf(IEnumerable<Finding> findings)
    {
        var catalog = ControlCatalog.Default.All.Select((control, index) => (control.Id, index)).ToDictionary(c => c.Id, c => c.index, StringComparer.Ordinal);
        return [.. findings.Select(f => f.ControlId).Distinct(StringComparer.Ordinal).OrderBy(id => catalog.GetValueOrDefault(id, int.MaxValue)).ThenBy(id => id, StringComparer.Ordinal)];
    }

    private static void Matrix(HtmlBuilder html, StoredRun run, RunResult result)
    {
        html.Line("h2", "Accounts × controls");
        if (result.Findings.Count == 0)
        {
            html.Line("p", "This run judged no account and control.");
            return;
        }

        var accounts = result.Findings.Select(f => f.AccountId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var controls = ControlsOf(result.Findings);
        var cells = result.Findings.GroupBy(f => (f.AccountId, f.ControlId)).ToDictionary(g => g.Key, g => g.ToList());
        html.Block("div", [("class", "scroll")], () => html.Block("table", [("class", "matrix"), ("id", "matrix")], () =>
        {
            html.Block("thead", () => html.Block("tr", () =>
            {
                html.Line("th", [("scope", "col")], "Account");
                foreach (var control in controls)
                {
                    html.Line("th", [("scope", "col"), ("class", "control"), ("title", ReportPage.TitleOf(control))],
                        () => html.Inline("a", [("href", Links.Trend(control))], control));
                }
            }));
            html.Block("tbody", () =>
            {
                foreach (var account in accounts)
                {
                    html.Block("tr", () =>
                    {
                        html.Line("th", [("scope", "row"), ("class", "account")], account);
                        foreach (var control in controls)
                        {
                            Cell(html, run, account, control, cells.GetValueOrDefault((account, control)));
                        }
                    });
                }
            });
        }));
        html.Line("p", [("class", "muted")], "✓ pass: the chain holds · ✗ fail: a link is broken · ! error: a link could not be seen · – suppressed by an exception. A blank cell was not judged in this run.");
    }

    private static void Cell(HtmlBuilder html, StoredRun run, string account, string control, List<Finding>? findings)
    {
        if (findings is null)
        {
            html.Line("td", [("class", "not-evaluated"), ("title", "not judged in this run"), ("data-account", account), ("data-control", control)], "");
            return;
        }

        var standing = Cells.Worst(findings);
        var regions = findings.Count > 1 ? $" ({findings.Count} regions)" : "";
        html.Line(
            "td",
            [("class", standing.ClassName()), ("data-outcome", standing.ClassName()), ("data-account", account), ("data-control", control)],
            () => html.Inline("a", [("href", Links.Finding(run.Id, account, control)), ("title", $"{control} for {account}: {standing.ClassName()}")], standing.Label() + regions));
    }
}
