using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tocsin.Dashboard.Pages;
using Tocsin.Store;

namespace Tocsin.Dashboard;

/// <summary>
/// The pages, GET only. Each request opens the store on its own (a <see cref="RunStore"/> serves one caller at a
/// time; SQLite in WAL mode lets it read while a scan writes) and answers a page: a run, account or control the store
/// does not hold is a 404 page, a store with no run yet a page saying how to record one, a store that cannot be read a
/// 503 page with the reason.
/// </summary>
internal static class DashboardRoutes
{
    public static void Map(IEndpointRouteBuilder app, StoreLocation location)
    {
        app.MapGet("/", (string? run) => Serve(location, view => MatrixPage.Render(view, run)));
        app.MapGet("/controls/{control}", (string control) => Serve(location, view => TrendPage.Render(view, Segment(control))));
        app.MapGet("/runs/{run}", (string run) => Serve(location, view => RunPage.Render(view, Segment(run))));
        app.MapGet("/runs/{run}/accounts/{account}/controls/{control}",
            (string run, string account, string control) => Serve(location, view => FindingPage.Render(view, Segment(run), Segment(account), Segment(control))));
        app.MapGet("/exceptions", () => Serve(location, ExceptionsPage.Render));
        app.MapGet("/diff", (string? from, string? to) => Serve(location, view => DiffPage.Render(view, from, to)));
        app.MapFallback("{*path}", () => Html(NotFound(location.Display, "There is no such page.")));
    }

    public static IResult Html(PageResult page) => Results.Content(page.Html, Layout.ContentType, Encoding.UTF8, page.Status);

    private static IResult Serve(StoreLocation location, Func<StoreView, PageResult> render)
    {
        try
        {
            using var store = RunStore.Open(location);
            return Html(render(new StoreView(store)));
        }
        catch (PageNotFoundException missing)
        {
            return Html(NotFound(location.Display, Sentence(missing.Message)));
        }
        catch (EmptyStoreException)
        {
            return Html(PageResult.Ok(Layout.Page("No run yet", location.Display, html =>
                html.Line("p", [("class", "empty")], "The store holds no run yet: run `tocsin scan` (or `tocsin demo`) to record one, then reload this page."))));
        }
        catch (StoreException unusable)
        {
            return Html(new PageResult(StatusCodes.Status503ServiceUnavailable, Layout.Page("The store cannot be read", location.Display, html =>
                html.Line("p", Sentence(unusable.Message)))));
        }
    }

    private static PageResult NotFound(string store, string why) =>
        new(StatusCodes.Status404NotFound, Layout.Page("Not found", store, html =>
        {
            html.Line("p", [("class", "not-found")], why);
            html.Line("p", [], () => html.Inline("a", [("href", "/")], "Back to the latest run"));
        }));

    /// <summary>
    /// A path segment as the store spells it: the server decodes every escape in a path but <c>%2F</c>, which would
    /// otherwise split it, so a name holding a slash arrives with that one escape left.
    /// </summary>
    private static string Segment(string value) => value.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    private static string Sentence(string message) =>
        message.Length == 0 ? message : char.ToUpperInvariant(message[0]) + message[1..] + (message.EndsWith('.') ? "" : ".");
}
