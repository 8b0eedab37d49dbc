using System.Globalization;
using Tocsin.Core.Exceptions;

namespace Tocsin.Reports.Html;

/// <summary>The head of the page: when and from what the run was made, its totals, and the exceptions that expired.</summary>
internal static class HtmlSummary
{
    public static void Write(HtmlBuilder html, ReportPage page) =>
        html.Block("header", [("id", "summary")], () =>
        {
            var summary = page.Result.Summary;
            html.Line("h1", page.Title);
            html.Block("dl", [("class", "facts")], () =>
            {
                var at = page.Context.GeneratedAt.ToUniversalTime();
                html.Line("dt", "Generated");
                html.Line("dd", [], () => html.Inline(
                    "time",
                    [("datetime", at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))],
                    at.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)));
                Fact(html, "Source", SourceOf(page.Context.Source));
                Fact(html, "Tool", $"{ToolInfo.Name} {page.Context.ToolVersion}");
                Fact(html, "Accounts", Count(summary.Accounts));
                Fact(html, "Controls", Count(summary.Controls));
                if (page.Result.Collection is { } collection)
                {
                    Fact(html, "API calls", string.Create(
                        CultureInfo.InvariantCulture,
                        $"{collection.Calls} ({collection.Throttles} throttled, {collection.Retries} retried, {collection.Failures} failed) in {collection.Duration.TotalSeconds:0.0} s"));
                }
            });
            html.Block("ul", [("class", "totals"), ("aria-label", "totals")], () =>
            {
                Total(html, Standing.Fail, summary.Fail);
                Total(html, Standing.Error, summary.Error);
                Total(html, Standing.Suppressed, summary.Suppressed);
                Total(html, Standing.Pass, summary.Pass);
            });
            ExpiredExceptions(html, summary.ExpiredExceptions);
        });

    private static void ExpiredExceptions(HtmlBuilder html, IReadOnlyList<ExceptionEntry> expired)
    {
        if (expired.Count == 0)
        {
            return;
        }

        html.Line("h2", "Expired exceptions");
        html.Line("p", "These exceptions have expired: they suppress nothing until they are renewed or removed.");
        html.Block("div", [("class", "scroll")], () => html.Block("table", [("class", "expired")], () =>
        {
            html.Block("thead", () => html.Block("tr", () =>
            {
                foreach (var heading in new[] { "Exception", "Control", "Accounts", "Region", "Owner", "Expired", "Reason" })
                {
                    html.Line("th", [("scope", "col")], heading);
                }
            }));
            html.Block("tbody", () =>
            {
                foreach (var entry in expired)
                {
                    html.Block("tr", () =>
                    {
                        html.Line("td", [], () => html.Inline("code", $"{entry.File}:{entry.Line}"));
                        html.Line("td", entry.Control);
                        html.Line("td", string.Join(", ", entry.Accounts));
                        html.Line("td", entry.Region ?? "all");
                        html.Line("td", entry.Owner);
                        html.Line("td", Date(entry.Expires));
                        html.Line("td", entry.Reason);
                    });
                }
            });
        }));
    }

    private static void Total(HtmlBuilder html, Standing standing, int count) =>
        html.Line("li", [("class", standing.ClassName())], $"{standing.Symbol()} {Count(count)} {standing.ClassName()}");

    private static void Fact(HtmlBuilder html, string name, string value)
    {
        html.Line("dt", name);
        html.Line("dd", value);
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string SourceOf(ReportSource source) => source switch
    {
        ReportSource.Live => "live AWS scan",
        ReportSource.Snapshot => "snapshot",
        _ => "infrastructure code",
    };
}
