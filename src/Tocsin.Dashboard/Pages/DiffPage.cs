using Tocsin.Core.Findings;
using Tocsin.Reports.Html;
using Tocsin.Store;

namespace Tocsin.Dashboard.Pages;

/// <summary>
/// <c>/diff</c>: what changed between two runs — by default the latest and the run before it of the same scope, or
/// <c>?from=ID&amp;to=ID</c> — as <c>tocsin diff</c> tells it: newly failing, fixed, still failing, new errors, the
/// other changes, and the exceptions expiring within 30 days.
/// </summary>
internal static class DiffPage
{
    public const int ExpiringWithinDays = 30;

    private static readonly (string Id, string Title, Change Change)[] Sections =
    [
        ("newly-failing", "Newly failing", Change.NewlyFailing),
        ("fixed", "Fixed", Change.Fixed),
        ("still-failing", "Still failing", Change.StillFailing),
        ("new-errors", "New errors", Change.NewError),
    ];

    public static PageResult Render(StoreView view, string? from, string? to)
    {
        var newer = to is null ? view.Latest() : view.Run(to);
        var older = from is null ? view.Store.Previous(newer) : view.Run(from);
        if (older is null)
        {
            return PageResult.Ok(Layout.Page("What changed", view.Display, html =>
            {
                html.Line("p", [("class", "empty")], $"No run before {newer.Id} covered the same scope, so there is nothing to compare it with. Pick two runs: /diff?from=ID&to=ID.");
                RunsTable.Write(html, view.Runs, newer);
            }));
        }

        var diff = RunDiff.Between(older, view.Store.Result(older), newer, view.Store.Result(newer), view.Store.Exceptions(newer), DateTimeOffset.UtcNow, ExpiringWithinDays);
        return PageResult.Ok(Layout.Page($"What changed from {older.Id} to {newer.Id}", view.Display, html =>
        {
            Runs(html, older, newer);
            foreach (var (id, title, change) in Sections)
            {
                Changes(html, id, title, diff.Of(change).ToList(), diff);
            }

            var others = diff.Changes.Where(c => !Sections.Any(s => s.Change == c.Change)).ToList();
            if (others.Count > 0)
            {
                Changes(html, "other-changes", "Other changes", others, diff);
            }

            Expiring(html, diff);
        }));
    }

    private static void Runs(HtmlBuilder html, StoredRun older, StoredRun newer)
    {
        html.Line("p", [], () =>
        {
            html.Text("From ");
            html.Inline("a", [("href", Links.Matrix(older.Id))], older.Id);
            html.Text($" ({older.Kind}, {Links.Time(older.StartedAt)}) to ");
            html.Inline("a", [("href", Links.Matrix(newer.Id))], newer.Id);
            html.Text($" ({newer.Kind}, {Links.Time(newer.StartedAt)}).");
        });
        if (older.ScopeKey != newer.ScopeKey)
        {
            html.Line("p", [("class", "muted")], $"The two runs covered different scopes: {older.Scope} and {newer.Scope}. What only one covered shows as not checked or new.");
        }
    }

    private static void Changes(HtmlBuilder html, string id, string title, IReadOnlyList<FindingChange> changes, RunDiff diff) =>
        html.Block("section", [("id", id), ("class", "changes")], () =>
        {
            html.Line("h2", $"{title} ({changes.Count})");
            if (changes.Count == 0)
            {
                html.Line("p", [("class", "muted")], "None.");
                return;
            }

            html.Block("ul", [("class", "changes")], () =>
            {
                foreach (var change in changes)
                {
                    var run = change.After is null ? diff.Older : diff.Newer;
                    html.Line("li", [("data-account", change.AccountId), ("data-control", change.ControlId), ("data-change", Spell(change.Change))], () =>
                    {
                        html.Inline("a", [("href", Links.Finding(run.Id, change.AccountId, change.ControlId))], $"{change.AccountId} · {change.ControlId}");
                        html.Text($": {Standing(change.Before)} → {Standing(change.After)}. {change.Latest.Message}");
                    });
                }
            });
        });

    private static void Expiring(HtmlBuilder html, RunDiff diff) =>
        html.Block("section", [("id", "expiring"), ("class", "changes")], () =>
        {
            html.Line("h2", $"Exceptions expiring within {diff.ExpiringWithinDays} days ({diff.Expiring.Count})");
            if (diff.Expiring.Count == 0)
            {
                html.Line("p", [("class", "muted")], "None.");
                return;
            }

            var now = DateTimeOffset.UtcNow;
            html.Block("ul", [("class", "changes")], () =>
            {
                foreach (var exception in diff.Expiring)
                {
                    html.Line("li", $"{exception.Control} for {string.Join(", ", exception.Accounts)}, owner {exception.Owner}: expires {exception.Expires:yyyy-MM-dd} ({ExceptionsPage.DaysLeft(exception, now)}). {exception.Reason}");
                }
            });
        });

    private static string Standing(Finding? finding) =>
        finding is null ? "not checked" : Standings.Of(finding).ClassName();

    private static string Spell(Change change) => change switch
    {
        Change.NewlyFailing => "newly-failing",
        Change.Fixed => "fixed",
        Change.StillFailing => "still-failing",
        Change.NewError => "new-error",
        Change.StillError => "still-error",
        Change.NewlySuppressed => "newly-suppressed",
        Change.NoLongerSuppressed => "no-longer-suppressed",
        _ => "not-checked",
    };
}
