using Tocsin.Reports.Html;
using Tocsin.Store;

namespace Tocsin.Dashboard.Pages;

/// <summary>Every run in the store, newest first: its kind, time, scope, outcome counts, who scanned, and its shards.</summary>
internal static class RunsTable
{
    public static void Write(HtmlBuilder html, IReadOnlyList<StoredRun> runs, StoredRun? chosen)
    {
        html.Line("h2", "Runs");
        html.Block("div", [("class", "scroll")], () => html.Block("table", [("class", "list runs"), ("id", "runs")], () =>
        {
            html.Block("thead", () => html.Block("tr", () =>
            {
                foreach (var heading in new[] { "Run", "Kind", "Started", "Scope", "Pass", "Fail", "Error", "Suppressed", "Callers", "Shards", "" })
                {
                    html.Line("th", [("scope", "col")], heading);
                }
            }));
            html.Block("tbody", () =>
            {
                foreach (var run in runs.Reverse())
                {
                    html.Block("tr", [("class", run.Id == chosen?.Id ? "chosen" : null)], () =>
                    {
                        html.Line("th", [("scope", "row"), ("class", "nowrap")], () => html.Inline("a", [("href", Links.Matrix(run.Id))], run.Id));
                        html.Line("td", run.Kind);
                        html.Line("td", [("class", "nowrap")], Links.Time(run.StartedAt));
                        html.Line("td", [("class", "scope")], run.Scope);
                        Count(html, run.Counts.Pass);
                        Count(html, run.Counts.Fail);
                        Count(html, run.Counts.Error);
                        Count(html, run.Counts.Suppressed);
                        html.Line("td", run.Callers.Count == 0 ? "—" : string.Join(", ", run.Callers));
                        html.Line("td", $"{run.Parts}/{run.PartsExpected}{(run.Complete ? "" : " (incomplete)")}");
                        html.Line("td", [], () => html.Inline("a", [("href", Links.Run(run.Id))], "details"));
                    });
                }
            });
        }));
    }

    private static void Count(HtmlBuilder html, int count) => html.Line("td", [("class", "number")], Links.Number(count));
}
