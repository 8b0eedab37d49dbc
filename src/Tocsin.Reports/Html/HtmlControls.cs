using Tocsin.Core.Controls;

namespace Tocsin.Reports.Html;

/// <summary>
/// The controls of the run, as the catalog has them: title, severity, framework numbers, why each matters, and the
/// pages it cites. A documentation page is a link, which the reader follows; the page itself loads nothing.
/// </summary>
internal static class HtmlControls
{
    public static void Write(HtmlBuilder html, ReportPage page)
    {
        if (page.Controls.Count == 0)
        {
            return;
        }

        html.Block("section", [("id", "controls")], () =>
        {
            html.Line("h2", "Controls");
            foreach (var id in page.Controls)
            {
                html.Block("section", [("class", "control"), ("id", page.Anchors.OfControl(id))], () =>
                {
                    if (ReportPage.Control(id) is { } control)
                    {
                        Described(html, control);
                    }
                    else
                    {
                        html.Line("h3", [], () => html.Inline("code", id));
                        html.Line("p", "This control is not in this build's catalog.");
                    }
                });
            }
        });
    }

    private static void Described(HtmlBuilder html, Control control)
    {
        html.Line("h3", control.Title);
        html.Block("dl", [("class", "facts")], () =>
        {
            html.Line("dt", "Id");
            html.Line("dd", [], () => html.Inline("code", control.Id));
            html.Line("dt", "Severity");
            html.Line("dd", control.Severity.ToString().ToLowerInvariant());
            html.Line("dt", "Also known as");
            html.Line("dd", string.Join(", ", control.Aliases));
        });
        html.Line("p", control.Rationale);
        html.Block("ul", [("class", "references")], () =>
        {
            foreach (var reference in control.References)
            {
                html.Line("li", [], () =>
                {
                    if (IsDocumentationPage(reference.Url))
                    {
                        html.Inline("a", [("href", reference.Url), ("rel", "noreferrer")], reference.Title);
                    }
                    else
                    {
                        html.Text(reference.Title);
                    }
                });
            }
        });
    }

    /// <summary>Only https pages become links; any other scheme (javascript:, data:) is shown as text, if at all.</summary>
    private static bool IsDocumentationPage(string? url) =>
        url is not null && url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && Uri.IsWellFormedUriString(url, UriKind.Absolute);
}
