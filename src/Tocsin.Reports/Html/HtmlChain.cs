using Tocsin.Core.Findings;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Reports.Html;

/// <summary>
/// A finding's chain as a row of boxes, trail to subscription, each with its resource and state (held ✓, broken ✗,
/// unseen ?, not reached, dimmed), and for code the file and lines that define it; then the judged pattern with the
/// populations it misses or adds, as the control's catalog describes them.
/// </summary>
internal static class HtmlChain
{
    public static void Write(HtmlBuilder html, Finding finding)
    {
        var locations = finding.Locations ?? [];
        html.Block("ol", [("class", "chain"), ("aria-label", "chain")], () =>
        {
            foreach (var link in ChainLinks.Of(finding))
            {
                html.Block("li", [("class", link.StateCode), ("title", $"{link.Name}: {Words(link.State)}")], () =>
                {
                    html.Line("span", [("class", "link-name")], () =>
                    {
                        html.Inline("span", [("class", "mark")], Symbol(link.State));
                        html.Text($"{link.Name} ");
                        html.Inline("span", [("class", "state")], $"({Words(link.State)})");
                    });
                    if (link.Resource is { } resource)
                    {
                        html.Line("code", resource);
                        foreach (var location in locations.Where(location => location.Link == resource))
                        {
                            html.Line("span", [("class", "where")], Where(location));
                        }
                    }
                });
            }
        });
    }

    public static void Pattern(HtmlBuilder html, Finding finding)
    {
        if (finding.Pattern is not { } pattern)
        {
            return;
        }

        html.Block("div", [("class", "pattern")], () =>
        {
            html.Line("h5", "Metric filter pattern");
            html.Preformatted([("class", "pattern-text")], pattern.Text, code: true);
            html.Line("p", [], () =>
            {
                var verdict = finding.Verdict is { } kind ? $"{kind.ToName()}: " : "";
                html.Text($"Verdict: {verdict}{pattern.Explanation}");
            });
            if (pattern.Variant is { } variant)
            {
                html.Line("p", [], () =>
                {
                    html.Text("Accepted variant: ");
                    html.Inline("code", variant);
                });
            }

            Populations(html, finding.ControlId, "It no longer alerts on:", pattern.Missed);
            Populations(html, finding.ControlId, "It also alerts on:", pattern.Extra);
        });
    }

    private static void Populations(HtmlBuilder html, string controlId, string heading, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        html.Line("p", heading);
        html.Block("ul", () =>
        {
            foreach (var name in names)
            {
                var population = ReportPage.Control(controlId)?.FindPopulation(name);
                html.Line("li", [], () =>
                {
                    html.Inline("code", name);
                    if (population is not null)
                    {
                        html.Text(": " + population.Description);
                        if (population.CoveredBy is { } other)
                        {
                            html.Text($" (still alerted on by {other})");
                        }
                    }
                });
            }
        });
    }

    private static string Where(Location location) => (location.StartLine, location.EndLine) switch
    {
        ({ } start, { } end) when end != start => $"{location.File}:{start}–{end}",
        ({ } start, _) => $"{location.File}:{start}",
        _ => location.File,
    };

    private static string Symbol(LinkState state) => state switch
    {
        LinkState.Held => "✓",
        LinkState.Broken => "✗",
        LinkState.Unseen => "?",
        _ => "–",
    };

    private static string Words(LinkState state) => state switch
    {
        LinkState.Held => "held",
        LinkState.Broken => "broken",
        LinkState.Unseen => "could not be seen",
        _ => "not reached",
    };
}
