using System.Security.Cryptography;
using System.Text;

namespace Tocsin.Backtest.Results.Html;

/// <summary>
/// The backtest page's one style sheet, inline so the page needs nothing beside itself, and the Content-Security-Policy
/// that allows exactly it by hash (so no other style, and no script at all, runs). Charts are coloured by class here:
/// the page has no <c>style</c> attribute.
/// </summary>
internal static class BacktestStyle
{
    public const string Sheet = """

:root { --alarm: #c62828; --alarm-ink: #8a1414; --quiet: #7a8ca3; --missed: #d08b00; --line: #c9ccd1; --grid: #e6e8eb;
  --muted: #5f6368; --ink: #1d1f23; --paper: #fff; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 1rem; color: var(--ink); background: var(--paper);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
h4 { font-size: .95rem; margin: .5rem 0 .25rem; }
code { font: .9em/1.4 ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; overflow-wrap: anywhere; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
dl.facts dd p { margin: 0; }
dl.patterns dd { margin: 0 0 .4rem 1rem; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
.scroll { overflow-x: auto; max-width: 100%; }
ul.comparisons { padding-left: 1.25rem; }
ul.problems { margin: .25rem 0; padding-left: 1.25rem; }
.shares { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.shares table { font-size: .9rem; }
.shares td:first-child { max-width: 28rem; overflow-wrap: anywhere; }
.muted, .empty { color: var(--muted); }
svg.chart { display: block; width: 100%; max-width: 960px; height: auto; }
svg.chart text { font: 11px system-ui, "DejaVu Sans", sans-serif; fill: var(--muted); }
svg.chart text.row-label, svg.chart text.population-label { fill: var(--ink); font-weight: 600; }
svg.chart text.missed-label { fill: var(--alarm-ink); }
svg.chart line.axis { stroke: var(--line); }
svg.chart line.grid { stroke: var(--grid); }
svg.chart rect.bar { fill: var(--quiet); }
svg.chart rect.bar.alarm { fill: var(--alarm); }
svg.chart rect.population { fill: var(--quiet); }
svg.chart rect.missed { fill: var(--missed); }
.legend { display: flex; flex-wrap: wrap; gap: 1rem; font-size: .85rem; color: var(--muted); margin: .25rem 0 .75rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; margin-right: .3rem; vertical-align: -.1rem; border-radius: 2px; }
.swatch.quiet { background: var(--quiet); }
.swatch.alarm { background: var(--alarm); }
.swatch.missed { background: var(--missed); }
@media (max-width: 640px) {
  body { padding: .5rem; font-size: 14px; }
  dl.facts { gap: .15rem .6rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .scroll { overflow: visible; }
  h2 { break-after: avoid; }
  section.control { break-inside: avoid-page; }
}

""";

    /// <summary>
    /// Nothing but <see cref="Sheet"/> may load or run; <c>img-src data:</c> lets a browser show the empty favicon
    /// without asking the network for one.
    /// </summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Sheet)))}'; img-src data:; script-src 'none'; base-uri 'none'; form-action 'none'";
}
