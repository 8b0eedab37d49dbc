using Tocsin.Backtest.Results.Html;
using Tocsin.Reports.Html;

namespace Tocsin.Backtest.Results;

/// <summary>
/// The backtest as one self-contained page: what was read, then per control its patterns, a sentence per variant,
/// a chart of when each would have fired and one of who the events were, and where they came from. The charts are
/// inline SVG drawn here, so the page loads nothing: its one style sheet is allowed by hash and its
/// Content-Security-Policy forbids scripts and every remote load. Every string from the logs is escaped as text.
/// Deterministic: the same result gives the same bytes.
/// </summary>
public static class BacktestHtml
{
    public static void Write(BacktestResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var axis = TimeBuckets.Spanning(result.Controls.SelectMany(control => control.Variants.Prepend(control.Baseline)).Concat(result.Patterns));
        var html = new HtmlBuilder();
        html.Doctype();
        html.Block("html", [("lang", "en")], () =>
        {
            html.Block("head", () =>
            {
                html.Void("meta", [("charset", "utf-8")]);
                html.Void("meta", [("http-equiv", "Content-Security-Policy"), ("content", BacktestStyle.ContentSecurityPolicy)]);
                html.Void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")]);
                html.Void("meta", [("name", "referrer"), ("content", "no-referrer")]);
                html.Void("link", [("rel", "icon"), ("href", "data:,")]);
                html.Line("title", SummarySection.Title(result));
                html.Style(BacktestStyle.Sheet);
            });
            html.Block("body", () =>
            {
                SummarySection.Write(html, result, axis);
                Contents(html, result);
                foreach (var control in result.Controls)
                {
                    SubjectSection.Write(html, control, axis);
                }

                if (result.Patterns.Count > 0)
                {
                    SubjectSection.WritePatterns(html, result.Patterns, axis);
                }
            });
        });
        output.Write(html.ToString());
    }

    /// <summary>A link to each control with its baseline's figures, when there is more than one to scroll between.</summary>
    private static void Contents(HtmlBuilder html, BacktestResult result)
    {
        if (result.Controls.Count + (result.Patterns.Count > 0 ? 1 : 0) < 2)
        {
            return;
        }

        html.Block("nav", [("aria-label", "controls")], () => html.Block("ul", [("class", "contents")], () =>
        {
            foreach (var control in result.Controls)
            {
                html.Line("li", [], () =>
                {
                    html.Inline("a", [("href", "#" + SubjectSection.Anchor(control))], control.ControlId);
                    html.Text($": {Svg.Counted(control.Baseline.MatchingEvents, "event")}, {Svg.Counted(control.Baseline.AlarmPeriods.Count, "alarm period")}");
                });
            }

            if (result.Patterns.Count > 0)
            {
                html.Line("li", [], () => html.Inline("a", [("href", "#patterns")], "Patterns of no control"));
            }
        }));
    }
}
