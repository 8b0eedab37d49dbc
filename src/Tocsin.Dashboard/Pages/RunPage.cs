using Tocsin.Reports.Html;
using Tocsin.Store;

namespace Tocsin.Dashboard.Pages;

/// <summary><c>/runs/{run}</c>: the run in full, and the remediation steps it applied with what became of each.</summary>
internal static class RunPage
{
    public static PageResult Render(StoreView view, string runName)
    {
        var run = view.Run(runName);
        var steps = view.Store.Steps(run);
        var previous = view.Store.Previous(run);
        return PageResult.Ok(Layout.Page($"Run {run.Id}", view.Display, html =>
        {
            RunFacts.Details(html, run);
            html.Line("p", [], () =>
            {
                html.Inline("a", [("href", Links.Matrix(run.Id))], "Its accounts × controls");
                if (previous is not null)
                {
                    html.Text(" · ");
                    html.Inline("a", [("href", Links.Diff(previous.Id, run.Id))], $"what changed since {previous.Id}");
                }
            });
            Steps(html, steps);
        }));
    }

    private static void Steps(HtmlBuilder html, IReadOnlyList<AppliedStep> steps)
    {
        html.Line("h2", "Remediation steps applied");
        if (steps.Count == 0)
        {
            html.Line("p", "This run applied no remediation step (only `tocsin remediate --apply --yes` and the demo's fix do).");
            return;
        }

        html.Block("div", [("class", "scroll")], () => html.Block("table", [("class", "list steps"), ("id", "steps")], () =>
        {
            html.Block("thead", () => html.Block("tr", () =>
            {
                foreach (var heading in new[] { "#", "Account", "Region", "Step", "Why", "What", "Outcome", "Detail" })
                {
                    html.Line("th", [("scope", "col")], heading);
                }
            }));
            html.Block("tbody", () =>
            {
                foreach (var (step, index) in steps.Select((s, i) => (s, i + 1)))
                {
                    html.Block("tr", [("class", step.Outcome == "failed" ? "fail" : null)], () =>
                    {
                        html.Line("td", [("class", "number")], Links.Number(index));
                        html.Line("td", step.AccountId);
                        html.Line("td", step.Region);
                        html.Line("td", [], () => html.Inline("code", step.Kind));
                        html.Line("td", [], () => html.Inline("code", step.Reason));
                        html.Line("td", step.Description);
                        html.Line("td", step.Outcome);
                        html.Line("td", step.Detail);
                    });
                }
            });
        }));
    }
}
