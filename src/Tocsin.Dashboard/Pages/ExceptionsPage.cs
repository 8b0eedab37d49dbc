using Tocsin.Core.Exceptions;
using Tocsin.Reports.Html;

namespace Tocsin.Dashboard.Pages;

/// <summary>
/// <c>/exceptions</c>: the exceptions in force for the latest run — what each covers, its owner and reason, when it
/// expires and how many days that leaves (an expired one in red: it suppresses nothing), and how many of the run's
/// findings it suppresses.
/// </summary>
internal static class ExceptionsPage
{
    public static PageResult Render(StoreView view)
    {
        var run = view.Latest();
        var exceptions = view.Store.Exceptions(run);
        var suppressed = view.Store.Result(run).Findings
            .Where(f => f.SuppressedBy is not null)
            .GroupBy(f => (f.SuppressedBy!.File, f.SuppressedBy.Line))
            .ToDictionary(g => g.Key, g => g.Count());
        var now = DateTimeOffset.UtcNow;
        return PageResult.Ok(Layout.Page("Exceptions", view.Display, html =>
        {
            html.Line("p", [], () =>
            {
                html.Text($"The exceptions in force for the latest run, {run.Id} ({run.Kind}, {Links.Time(run.StartedAt)}), as of today {now:yyyy-MM-dd} (UTC). ");
                html.Inline("a", [("href", Links.Matrix(run.Id))], "The run's matrix");
            });
            if (exceptions.Count == 0)
            {
                html.Line("p", [("class", "empty")], "The latest run had no exceptions: nothing was suppressed.");
                return;
            }

            html.Block("div", [("class", "scroll")], () => html.Block("table", [("class", "list exceptions"), ("id", "exceptions")], () =>
            {
                html.Block("thead", () => html.Block("tr", () =>
                {
                    foreach (var heading in new[] { "Control", "Accounts", "Region", "Resource", "Owner", "Reason", "Expires", "Days left", "Suppresses", "Source" })
                    {
                        html.Line("th", [("scope", "col")], heading);
                    }
                }));
                html.Block("tbody", () =>
                {
                    foreach (var exception in exceptions.OrderBy(e => e.Expires))
                    {
                        var expired = exception.IsExpiredAt(now);
                        html.Block("tr", [("data-expired", expired ? "true" : "false")], () =>
                        {
                            html.Line("td", [], () => html.Inline("code", exception.Control));
                            html.Line("td", string.Join(", ", exception.Accounts));
                            html.Line("td", exception.Region ?? "every region");
                            html.Line("td", exception.Resource ?? "any");
                            html.Line("td", exception.Owner);
                            html.Line("td", exception.Reason);
                            html.Line("td", $"{exception.Expires:yyyy-MM-dd}");
                            html.Line("td", [("class", expired ? "expired" : null)], DaysLeft(exception, now));
                            html.Line("td", [("class", "number")], Links.Number(suppressed.GetValueOrDefault((exception.File, exception.Line))));
                            html.Line("td", [], () => html.Inline("code", $"{exception.File}:{exception.Line}"));
                        });
                    }
                });
            }));
        }));
    }

    /// <summary>Days until the exception expires (it holds through its expiry day, UTC), or how long ago it did.</summary>
    public static string DaysLeft(ExceptionEntry exception, DateTimeOffset now)
    {
        var days = exception.Expires.DayNumber - DateOnly.FromDateTime(now.UtcDateTime).DayNumber;
        return days switch
        {
            0 => "last day",
            1 => "1 day",
            > 1 => $"{days} days",
            -1 => "expired 1 day ago",
            _ => $"expired {-days} days ago",
        };
    }
}
