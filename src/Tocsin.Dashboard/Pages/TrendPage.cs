using Tocsin.Core.Controls;
using Tocsin.Reports.Html;
using Tocsin.Store;

namespace Tocsin.Dashboard.Pages;

/// <summary>
/// <c>/controls/{id}</c>: how one control stood in every run that judged it — pass, fail, error and suppressed counts
/// as a stacked chart over time, then the same numbers as a table. The id may be any alias of the control.
/// </summary>
internal static class TrendPage
{
    /// <summary>The chart's width holds this many runs; the table lists them all.</summary>
    public const int ChartedRuns = 60;

    public static PageResult Render(StoreView view, string controlName)
    {
        var controlId = ControlCatalog.Default.Find(controlName)?.Id ?? controlName;
        var latest = view.Latest();
        var points = view.Store.Trend().Where(p => p.ControlId == controlId).ToList();
        if (points.Count == 0)
        {
            throw new PageNotFoundException($"no run in the store judged the control `{controlName}`");
        }

        var kinds = view.Runs.ToDictionary(r => r.Id, r => r.Kind, StringComparer.Ordinal);
        var runs = points
            .GroupBy(p => p.RunId, StringComparer.Ordinal)
            .Select(g => new TrendRun(g.Key, g.First().At, kinds.GetValueOrDefault(g.Key, ""),
                g.Count(p => !p.Suppressed && p.Outcome == Core.Findings.Outcome.Pass),
                g.Count(p => !p.Suppressed && p.Outcome == Core.Findings.Outcome.Fail),
                g.Count(p => !p.Suppressed && p.Outcome == Core.Findings.Outcome.Error),
                g.Count(p => p.Suppressed)))
            .ToList();
        return PageResult.Ok(Layout.Page($"Trend of {controlId}", view.Display, html =>
        {
            html.Line("p", ReportPage.TitleOf(controlId));
            TrendChart.Write(html, $"Findings of {controlId} per run, oldest first", runs.TakeLast(ChartedRuns).ToList());
            Table(html, runs, latest);
        }));
    }

    private static void Table(HtmlBuilder html, IReadOnlyList<TrendRun> runs, StoredRun latest)
    {
        html.Line("h2", "Per run");
        html.Block("div", [("class", "scroll")], () => html.Block("table", [("class", "list trend"), ("id", "trend")], () =>
        {
            html.Block("thead", () => html.Block("tr", () =>
            {
                foreach (var heading in new[] { "Run", "Kind", "Started", "Pass", "Fail", "Error", "Suppressed" })
                {
                    html.Line("th", [("scope", "col")], heading);
                }
            }));
            html.Block("tbody", () =>
            {
                foreach (var run in runs.AsEnumerable().Reverse())
                {
                    html.Block("tr", [("class", run.RunId == latest.Id ? "chosen" : null)], () =>
                    {
                        html.Line("th", [("scope", "row")], () => html.Inline("a", [("href", Links.Matrix(run.RunId))], run.RunId));
                        html.Line("td", run.Kind);
                        html.Line("td", Links.Time(run.At));
                        foreach (var count in new[] { run.Pass, run.Fail, run.Error, run.Suppressed })
                        {
                            html.Line("td", [("class", "number")], Links.Number(count));
                        }
                    });
                }
            });
        }));
    }
}

/// <summary>One run's findings of one control, by how they stand.</summary>
internal sealed record TrendRun(string RunId, DateTimeOffset At, string Kind, int Pass, int Fail, int Error, int Suppressed)
{
    public int Total => Pass + Fail + Error + Suppressed;
}
