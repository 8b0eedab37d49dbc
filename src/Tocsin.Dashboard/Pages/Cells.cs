using Tocsin.Core.Findings;
using Tocsin.Reports.Html;

namespace Tocsin.Dashboard.Pages;

/// <summary>How the pages spell a finding's standing (pass, fail, error, suppressed): a colour class, a symbol and a word.</summary>
internal static class Cells
{
    /// <summary>The standing that speaks for several findings (one per region): the worst.</summary>
    public static Standing Worst(IEnumerable<Finding> findings) => findings.Select(Standings.Of).Min();

    public static void Badge(HtmlBuilder html, Standing standing) =>
        html.Inline("span", [("class", "badge " + standing.ClassName())], standing.Label());

    /// <summary>A term and its value in a <c>dl.facts</c>; a value that is code is shown as code.</summary>
    public static void Fact(HtmlBuilder html, string name, string value, bool code = false)
    {
        html.Line("dt", name);
        if (code)
        {
            html.Line("dd", [], () => html.Inline("code", value));
        }
        else
        {
            html.Line("dd", value);
        }
    }
}
