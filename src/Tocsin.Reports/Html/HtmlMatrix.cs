using Tocsin.Core.Findings;

namespace Tocsin.Reports.Html;

/// <summary>
/// Accounts down, controls across: each cell coloured by how the finding stands, with its symbol and word, and a link
/// to the finding. A pair the run did not evaluate is a blank cell. A cell with several findings (one per region)
/// takes the colour of the worst and links each.
/// </summary>
internal static class HtmlMatrix
{
    public static void Write(HtmlBuilder html, ReportPage page)
    {
        if (page.Result.Findings.Count == 0)
        {
            return;
        }

        var cells = page.Result.Findings
            .GroupBy(finding => (finding.AccountId, finding.ControlId))
            .ToDictionary(group => group.Key, group => group.ToList());

        html.Block("section", [("id", "matrix")], () =>
        {
            html.Line("h2", "Accounts × controls");
            html.Block("div", [("class", "scroll")], () => html.Block("table", [("class", "matrix")], () =>
            {
                html.Block("thead", () => html.Block("tr", () =>
                {
                    html.Line("th", [("scope", "col")], "Account");
                    foreach (var control in page.Controls)
                    {
                        html.Line(
                            "th",
                            [("scope", "col"), ("class", "control"), ("title", ReportPage.TitleOf(control))],
                            () => html.Inline("a", [("href", "#" + page.Anchors.OfControl(control))], control));
                    }
                }));
                html.Block("tbody", () =>
                {
                    foreach (var account in page.Accounts)
                    {
                        html.Block("tr", () =>
                        {
                            html.Line(
                                "th",
                                [("scope", "row"), ("class", "account")],
                                () => html.Inline("a", [("href", "#" + HtmlAnchors.OfAccount(account))], account));
                            foreach (var control in page.Controls)
                            {
                                Cell(html, page, cells.GetValueOrDefault((account, control)));
                            }
                        });
                    }
                });
            }));
        });
    }

    private static void Cell(HtmlBuilder html, ReportPage page, List<Finding>? findings)
    {
        if (findings is null)
        {
            html.Line("td", [("class", "not-evaluated"), ("title", "not evaluated")], "");
            return;
        }

        var worst = findings.Select(Standings.Of).Min();
        html.Line("td", [("class", worst.ClassName())], () =>
        {
            foreach (var finding in findings)
            {
                var standing = Standings.Of(finding);
                var where = finding.Region is { } region ? $" in {region}" : "";
                html.Inline(
                    "a",
                    [("href", "#" + page.Anchors.Of(finding)), ("title", $"{finding.ControlId} for {finding.AccountId}{where}: {standing.ClassName()}")],
                    standing.Label());
            }
        });
    }
}
