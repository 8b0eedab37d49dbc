using Tocsin.Core.Findings;

namespace Tocsin.Reports.Html;

/// <summary>
/// One self-contained HTML page: the run's summary, a matrix of accounts by controls coloured by outcome, and each
/// finding with its chain drawn link by link, its pattern, its exception and how to fix it. The page loads nothing:
/// its one style sheet is inline and allowed by hash, and its Content-Security-Policy forbids scripts and every
/// remote load, so it can be mailed, attached to a ticket or opened from disk. Every name from AWS or a template is
/// escaped as text.
/// </summary>
public sealed class HtmlReportWriter(ReportContext context) : IReportWriter
{
    /// <summary>
    /// Nothing but the inline style sheet may load or run; <c>img-src data:</c> lets a browser show no favicon
    /// without asking the network for one.
    /// </summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src {HtmlStyle.Hash}; img-src data:; script-src 'none'; base-uri 'none'; form-action 'none'";

    public string Format => "html";

    public void Write(RunResult result, TextWriter output)
    {
        var html = new HtmlBuilder();
        var page = new ReportPage(result, context);
        html.Doctype();
        html.Block("html", [("lang", "en")], () =>
        {
            Head(html, page);
            html.Block("body", () =>
            {
                HtmlSummary.Write(html, page);
                HtmlMatrix.Write(html, page);
                HtmlFindings.Write(html, page);
                HtmlControls.Write(html, page);
            });
        });
        output.Write(html.ToString());
    }

    private static void Head(HtmlBuilder html, ReportPage page) =>
        html.Block("head", () =>
        {
            html.Void("meta", [("charset", "utf-8")]);
            html.Void("meta", [("http-equiv", "Content-Security-Policy"), ("content", ContentSecurityPolicy)]);
            html.Void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]);
            html.Void("meta", [("name", "referrer"), ("content", "no-referrer")]);
            html.Void("meta", [("name", "generator"), ("content", $"{ToolInfo.Name} {page.Context.ToolVersion}")]);
            html.Void("link", [("rel", "icon"), ("href", "data:,")]);
            html.Line("title", page.Title);
            html.Style(HtmlStyle.Sheet);
        });
}
