using System.Security.Cryptography;
using System.Text;

namespace Tocsin.Reports.Html;

/// <summary>
/// The report's one style sheet, inline so the page needs nothing beside itself, and the hash the page's
/// Content-Security-Policy allows it by (so no other style, and no script at all, runs).
/// </summary>
internal static class HtmlStyle
{
    public const string Sheet = """

:root { --pass: #d7f0da; --pass-ink: #145a22; --fail: #f9d3d3; --fail-ink: #8a1414; --error: #fde3ad; --error-ink: #6e4600;
  --suppressed: #e3e3e3; --suppressed-ink: #444; --line: #c9ccd1; --muted: #5f6368; --ink: #1d1f23; --paper: #fff; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1200px; padding: 1rem; color: var(--ink); background: var(--paper);
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.05rem; margin: 1.5rem 0 .5rem; }
h5 { font-size: .9rem; margin: .75rem 0 .25rem; }
h4 { font-size: 1rem; margin: 0 0 .5rem; display: flex; flex-wrap: wrap; gap: .5rem; align-items: baseline; }
code, pre { font: .9em/1.4 ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; }
code { overflow-wrap: anywhere; }
pre { background: #f4f5f7; border: 1px solid var(--line); border-radius: 4px; padding: .5rem .75rem; overflow-x: auto;
  white-space: pre-wrap; overflow-wrap: anywhere; }
a { color: #0b57d0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
.totals { display: flex; flex-wrap: wrap; gap: .5rem; list-style: none; padding: 0; margin: .5rem 0; }
.totals li { border: 1px solid var(--line); border-radius: 4px; padding: .25rem .6rem; }
.scroll { overflow-x: auto; max-width: 100%; }
.matrix th.control { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 600; }
.matrix th.account { white-space: nowrap; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.matrix td { text-align: center; min-width: 4.5rem; padding: 0; }
.matrix td a { display: block; padding: .3rem .4rem; color: inherit; text-decoration: none; font-weight: 600; }
.matrix td a:hover, .matrix td a:focus { text-decoration: underline; }
.pass { background: var(--pass); color: var(--pass-ink); }
.fail { background: var(--fail); color: var(--fail-ink); }
.error { background: var(--error); color: var(--error-ink); }
.suppressed { background: var(--suppressed); color: var(--suppressed-ink); }
.not-evaluated { background: var(--paper); }
.badge { border-radius: 3px; padding: 0 .4rem; font-size: .85rem; font-weight: 600; border: 1px solid currentColor; }
section.finding { border: 1px solid var(--line); border-left-width: 6px; border-radius: 4px; padding: .75rem 1rem; margin: .75rem 0;
  break-inside: avoid; }
section.finding.pass { border-left-color: #2e8b45; background: var(--paper); color: var(--ink); }
section.finding.fail { border-left-color: #c62828; background: var(--paper); color: var(--ink); }
section.finding.error { border-left-color: #d08b00; background: var(--paper); color: var(--ink); }
section.finding.suppressed { border-left-color: #8a8a8a; background: var(--paper); color: var(--ink); }
.message { margin: .25rem 0 .75rem; }
ol.chain { list-style: none; padding: 0; margin: .5rem 0; display: flex; flex-wrap: wrap; gap: .4rem; align-items: stretch; }
ol.chain li { border: 1px solid var(--line); border-radius: 4px; padding: .3rem .5rem; flex: 1 1 10rem; min-width: 0; }
ol.chain li .link-name { display: block; font-weight: 600; }
ol.chain li code, ol.chain li .where { display: block; font-size: .8rem; }
ol.chain li.held { border-color: #2e8b45; }
ol.chain li.broken { border: 2px solid #c62828; background: var(--fail); color: var(--fail-ink); }
ol.chain li.unseen { border: 2px dashed #d08b00; background: var(--error); color: var(--error-ink); }
ol.chain li.not-reached { opacity: .55; border-style: dotted; }
.mark { font-weight: 700; margin-right: .25rem; }
.pattern ul, .remedy ol { margin: .25rem 0 .5rem; padding-left: 1.5rem; }
.muted { color: var(--muted); }
@media (max-width: 640px) {
  body { padding: .5rem; font-size: 14px; }
  dl.facts { gap: .15rem .6rem; }
  section.finding { padding: .5rem .6rem; }
  ol.chain { flex-direction: column; }
  ol.chain li { flex: none; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .scroll { overflow: visible; }
  a { color: inherit; }
  pre { white-space: pre-wrap; }
  h2 { break-after: avoid; }
}

""";

    /// <summary>The CSP source that allows exactly <see cref="Sheet"/>: <c>'sha256-BASE64'</c> of its UTF-8 bytes.</summary>
    public static string Hash { get; } = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Sheet)))}'";
}
