using Tocsin.Reports;
using Tocsin.Reports.Html;

namespace Tocsin.Dashboard.Pages;

/// <summary>
/// The one layout every page shares: the head with the inline style sheet (no file, no CDN), the navigation, the
/// page's own content, and where the runs come from. Every text goes through <see cref="HtmlBuilder"/>, which escapes it.
/// </summary>
internal static class Layout
{
    public const string ContentType = "text/html; charset=utf-8";

    public static string Page(string title, string store, Action<HtmlBuilder> content)
    {
        var html = new HtmlBuilder();
        html.Doctype();
        html.Block("html", [("lang", "en")], () =>
        {
            Head(html, title);
            html.Block("body", () =>
            {
                html.Block("header", [("class", "top")], () =>
                {
                    html.Line("strong", [], () => html.Inline("a", [("href", "/"), ("class", "home")], $"{ToolInfo.Name} dashboard"));
                    html.Block("nav", [("aria-label", "pages")], () =>
                    {
                        html.Line("a", [("href", "/")], "Accounts × controls");
                        html.Line("a", [("href", "/diff")], "What changed");
                        html.Line("a", [("href", "/exceptions")], "Exceptions");
                    });
                });
                html.Block("main", () =>
                {
                    html.Line("h1", title);
                    content(html);
                });
                html.Line("footer", [("class", "muted")], $"Runs read from {store} by {ToolInfo.Name} {ToolInfo.Version}.");
            });
        });
        return html.ToString();
    }

    /// <summary>A page with a heading and one paragraph, and no navigation: for answers given before any store is read.</summary>
    public static string Bare(string title, string text)
    {
        var html = new HtmlBuilder();
        html.Doctype();
        html.Block("html", [("lang", "en")], () =>
        {
            Head(html, title);
            html.Block("body", () =>
            {
                html.Line("h1", title);
                html.Line("p", text);
            });
        });
        return html.ToString();
    }

    private static void Head(HtmlBuilder html, string title) =>
        html.Block("head", () =>
        {
            html.Void("meta", [("charset", "utf-8")]);
            html.Void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]);
            html.Void("meta", [("name", "referrer"), ("content", "no-referrer")]);
            // No favicon request: the browser would otherwise ask the server for one on every page.
            html.Void("link", [("rel", "icon"), ("href", "data:,")]);
            html.Line("title", $"{title} · {ToolInfo.Name}");
            html.Style(DashboardStyle.Sheet);
        });
}
