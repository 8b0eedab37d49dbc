using Tocsin.Reports.Html;

namespace Tocsin.Dashboard.Pages;

/// <summary>
/// The dashboard's style sheet: the HTML report's (the same colours for the same outcomes, the same chain drawing),
/// and what only the dashboard has — navigation, the run list, the trend chart, the remediation formats.
/// </summary>
internal static class DashboardStyle
{
    public static string Sheet { get; } = HtmlStyle.Sheet + """
header.top { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; align-items: baseline; border-bottom: 1px solid var(--line);
  padding-bottom: .5rem; margin-bottom: 1rem; }
header.top nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
a.home { color: var(--ink); text-decoration: none; }
footer { margin-top: 2rem; border-top: 1px solid var(--line); padding-top: .5rem; font-size: .85rem; }
table.list { font-size: .9rem; margin: .5rem 0; }
table.list th { background: #f4f5f7; }
table.list td.number { text-align: right; font-variant-numeric: tabular-nums; }
tr.chosen td, tr.chosen th { background: #e8f0fe; }
td.expired, span.expired { background: var(--fail); color: var(--fail-ink); font-weight: 600; }
svg.trend { display: block; width: 100%; max-width: 960px; height: auto; }
svg.trend text { font: 11px system-ui, "DejaVu Sans", sans-serif; fill: var(--muted); }
svg.trend line.axis { stroke: var(--line); }
svg.trend rect.pass { fill: #2e8b45; }
svg.trend rect.fail { fill: #c62828; }
svg.trend rect.error { fill: #d08b00; }
svg.trend rect.suppressed { fill: #8a8a8a; }
.legend { display: flex; flex-wrap: wrap; gap: .25rem 1rem; font-size: .85rem; margin: .25rem 0 1rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: middle; border-radius: 2px; }
.swatch.pass { background: #2e8b45; }
.swatch.fail { background: #c62828; }
.swatch.error { background: #d08b00; }
.swatch.suppressed { background: #8a8a8a; }
details.format { margin: .5rem 0; }
details.format summary { cursor: pointer; font-weight: 600; }
table.list .nowrap { white-space: nowrap; }
table.runs td.scope { min-width: 18rem; overflow-wrap: anywhere; font-size: .85rem; }
ul.changes { padding-left: 1.25rem; }
ul.changes li { margin: .2rem 0; }

""";
}
