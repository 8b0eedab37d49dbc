using System.Globalization;
using Tocsin.Reports.Html;

namespace Tocsin.Dashboard.Pages;

/// <summary>
/// Runs along the time axis, oldest first, one stacked bar each: failing at the bottom, then errors, suppressed and
/// passing on top, so a fix shows as red giving way to green. Each bar's tooltip says its counts; a legend names the
/// colours, and the table below the chart holds the same numbers.
/// </summary>
internal static class TrendChart
{
    private const double Width = 960;
    private const double Height = 260;
    private const double Left = 48;
    private const double Right = 16;
    private const double Top = 12;
    private const double Bottom = 40;
    private const int MaxTimeLabels = 8;

    private static double PlotWidth => Width - Left - Right;

    private static double PlotHeight => Height - Top - Bottom;

    public static void Write(HtmlBuilder html, string caption, IReadOnlyList<TrendRun> runs)
    {
        var top = Math.Max(1, runs.Max(r => r.Total));
        var slot = PlotWidth / runs.Count;
        var bar = Math.Min(slot * 0.7, 48);
        html.Block("svg", [("class", "trend"), ("viewbox", $"0 0 {N(Width)} {N(Height)}"), ("role", "img"), ("aria-label", caption)], () =>
        {
            html.Line("title", caption);
            foreach (var tick in new[] { 0, (top + 1) / 2, top }.Distinct())
            {
                var y = N(Top + PlotHeight - (tick * PlotHeight / top));
                Shape(html, "line", [("class", "axis"), ("x1", N(Left)), ("x2", N(Width - Right)), ("y1", y), ("y2", y)]);
                html.Line("text", [("x", N(Left - 6)), ("y", y), ("dy", "0.32em"), ("text-anchor", "end")], Links.Number(tick));
            }

            var every = Math.Max(1, (int)Math.Ceiling(runs.Count / (double)MaxTimeLabels));
            for (var i = 0; i < runs.Count; i++)
            {
                var run = runs[i];
                var x = Left + (i * slot) + ((slot - bar) / 2);
                Bar(html, run, x, bar, top);
                if (i % every == 0)
                {
                    html.Line("text", [("x", N(x + (bar / 2))), ("y", N(Height - Bottom + 16)), ("text-anchor", "middle")],
                        run.At.UtcDateTime.ToString("MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                }
            }
        });
        html.Block("div", [("class", "legend")], () =>
        {
            foreach (var standing in new[] { "fail", "error", "suppressed", "pass" })
            {
                html.Line("span", [], () =>
                {
                    html.Inline("span", [("class", "swatch " + standing)], "");
                    html.Text(standing);
                });
            }
        });
    }

    private static void Bar(HtmlBuilder html, TrendRun run, double x, double width, int top)
    {
        var summary = $"{run.RunId} ({run.Kind}) at {Links.Time(run.At)}: {run.Fail} fail, {run.Error} error, {run.Suppressed} suppressed, {run.Pass} pass";
        html.Block("g", [("class", "run"), ("data-run", run.RunId)], () =>
        {
            html.Line("title", summary);
            var bottom = Top + PlotHeight;
            foreach (var (standing, count) in new[] { ("fail", run.Fail), ("error", run.Error), ("suppressed", run.Suppressed), ("pass", run.Pass) })
            {
                if (count == 0)
                {
                    continue;
                }

                var height = count * PlotHeight / top;
                bottom -= height;
                Shape(html, "rect", [("class", standing), ("x", N(x)), ("y", N(bottom)), ("width", N(width)), ("height", N(height))]);
            }
        });
    }

    /// <summary>
    /// A shape with no content, closed by an end tag: inside <c>svg</c> an HTML parser knows no void elements, so a
    /// shape left open would swallow what follows.
    /// </summary>
    private static void Shape(HtmlBuilder html, string tag, (string Name, string? Value)[] attributes) => html.Line(tag, attributes, "");

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
