using Tocsin.Reports.Html;
using static Tocsin.Backtest.Results.Html.Svg;

namespace Tocsin.Backtest.Results.Html;

/// <summary>
/// Who the baseline's events were, by the control's populations: a horizontal bar per population, and over it, in
/// the missed colour, the share of that population a variant would not have alarmed on, named beside the bar.
/// </summary>
internal static class PopulationChart
{
    private const double Width = 960;
    private const double LabelWidth = 200;
    private const double BarArea = 440;
    private const double RowHeight = 24;
    private const double BarHeight = 16;
    private const double Top = 4;

    /// <summary>The populations worth a bar: those the baseline matched and those a variant missed, in catalog order.</summary>
    public static IReadOnlyList<string> Shown(ControlBacktest control) =>
        [.. control.Populations.Where(population =>
            control.Baseline.Populations.GetValueOrDefault(population) > 0 || control.Variants.Any(variant => variant.Missed.ContainsKey(population)))];

    public static void Write(HtmlBuilder html, ControlBacktest control)
    {
        var shown = Shown(control);
        var baseline = control.Baseline;
        var largest = Math.Max(1, shown.Max(population => baseline.Populations.GetValueOrDefault(population)));
        var height = (Top * 2) + (shown.Count * RowHeight);
        var caption = $"Matching events of {baseline.Name} by population, and what each other pattern would have missed";
        html.Block("svg", [("class", "chart populations"), ("viewbox", $"0 0 {Coordinate(Width)} {Coordinate(height)}"), ("role", "img"), ("aria-label", caption)], () =>
        {
            html.Line("title", caption);
            for (var i = 0; i < shown.Count; i++)
            {
                Row(html, control, shown[i], largest, Top + (i * RowHeight));
            }
        });
        html.Block("div", [("class", "legend")], () =>
        {
            html.Line("span", [], () => Swatch(html, "quiet", $"events {baseline.Name} matched"));
            html.Line("span", [], () => Swatch(html, "missed", "events another pattern would have missed"));
        });
    }

    private static void Swatch(HtmlBuilder html, string kind, string text)
    {
        html.Inline("span", [("class", "swatch " + kind)], "");
        html.Text(text);
    }

    private static void Row(HtmlBuilder html, ControlBacktest control, string population, long largest, double top)
    {
        var count = control.Baseline.Populations.GetValueOrDefault(population);
        var missedBy = control.Variants
            .Where(variant => variant.Missed.ContainsKey(population))
            .Select(variant => (variant.Name, variant.Missed[population].Count))
            .OrderByDescending(miss => miss.Count)
            .ThenBy(miss => miss.Name, StringComparer.Ordinal)
            .ToList();
        var missed = missedBy.Count == 0 ? "" : "missed by " + string.Join(", ", missedBy.Select(miss => $"{miss.Name} ({Count(miss.Count)})"));
        var barTop = Coordinate(top + ((RowHeight - BarHeight) / 2));
        var middle = Coordinate(top + (RowHeight / 2));
        var length = count == 0 ? 0 : Math.Max(1.5, count * BarArea / largest);
        html.Block("g", [("class", missedBy.Count == 0 ? "population" : "population missed"), ("data-population", population)], () =>
        {
            html.Line("title", $"{population}: {Counted(count, "event")} of {control.Baseline.Name}" + (missed.Length == 0 ? "" : "; " + missed));
            html.Line("text", [("class", "population-label"), ("x", Coordinate(LabelWidth - 8)), ("y", middle), ("dy", "0.32em"), ("text-anchor", "end")], population);
            Svg.Shape(html, "rect", [("class", "population"), ("x", Coordinate(LabelWidth)), ("y", barTop), ("width", Coordinate(length)), ("height", Coordinate(BarHeight))]);
            if (missedBy.Count > 0)
            {
                var most = Math.Min(count, missedBy[0].Count);
                var missedLength = most == 0 ? 0 : Math.Max(1.5, most * BarArea / largest);
                Svg.Shape(html, "rect", [("class", "missed"), ("x", Coordinate(LabelWidth)), ("y", barTop), ("width", Coordinate(missedLength)), ("height", Coordinate(BarHeight))]);
            }

            var text = Count(count) + (missed.Length == 0 ? "" : " — " + missed);
            html.Line("text", [("class", missedBy.Count == 0 ? "count" : "count missed-label"), ("x", Coordinate(LabelWidth + length + 6)), ("y", middle), ("dy", "0.32em")], text);
        });
    }
}
