using System.Globalization;
using Tocsin.Reports.Html;
using static Tocsin.Backtest.Results.Html.Svg;

namespace Tocsin.Backtest.Results.Html;

/// <summary>
/// When each pattern would have fired: a row of bars per pattern on one time axis and one count scale, so the noisier
/// pattern shows as the taller, redder row. A bar is a day's (or week's) matching events; it is in the alarm colour
/// when the alarm would have been in ALARM in one of its periods, and its tooltip says both counts.
/// </summary>
internal static class TimelineChart
{
    private const double Width = 960;
    private const double Left = 56;
    private const double Right = 40;
    private const double Top = 8;
    private const double LabelHeight = 18;
    private const double PlotHeight = 80;
    private const double RowGap = 16;
    private const double AxisHeight = 24;
    private const int MaxDateLabels = 8;

    private static double PlotWidth => Width - Left - Right;

    private static double RowHeight => LabelHeight + PlotHeight + RowGap;

    public static void Write(HtmlBuilder html, string caption, IReadOnlyList<SubjectResult> subjects, TimeBuckets axis)
    {
        var rows = subjects.Select(subject => (Subject: subject, Buckets: axis.Of(subject))).ToList();
        var scale = AxisScale.For(rows.SelectMany(row => row.Buckets).Select(bucket => bucket.Events).DefaultIfEmpty(0).Max());
        var height = Top + (rows.Count * RowHeight) + AxisHeight;
        html.Block("svg", [("class", "chart timeline"), ("viewbox", $"0 0 {Coordinate(Width)} {Coordinate(height)}"), ("role", "img"), ("aria-label", caption)], () =>
        {
            html.Line("title", caption);
            for (var i = 0; i < rows.Count; i++)
            {
                Row(html, rows[i].Subject, rows[i].Buckets, axis, scale, Top + (i * RowHeight));
            }

            DateLabels(html, axis, Top + (rows.Count * RowHeight) + 4);
        });
        html.Block("div", [("class", "legend")], () =>
        {
            html.Line("span", [], () => Swatch(html, "quiet", $"{(axis.Weekly ? "week" : "day")} with matching events"));
            html.Line("span", [], () => Swatch(html, "alarm", $"{(axis.Weekly ? "week" : "day")} with an alarm period"));
        });
    }

    private static void Swatch(HtmlBuilder html, string kind, string text)
    {
        html.Inline("span", [("class", "swatch " + kind)], "");
        html.Text(text);
    }

    private static void Row(HtmlBuilder html, SubjectResult subject, IReadOnlyList<Bucket> buckets, TimeBuckets axis, AxisScale scale, double top)
    {
        var plotTop = top + LabelHeight;
        var bottom = plotTop + PlotHeight;
        html.Block("g", [("class", "row"), ("data-pattern", subject.Name)], () =>
        {
            html.Line("text", [("class", "row-label"), ("x", Coordinate(Left)), ("y", Coordinate(top + 12))],
                $"{subject.Name}: {Counted(subject.MatchingEvents, "event")}, {Counted(subject.AlarmPeriods.Count, "alarm period")}");
            foreach (var tick in scale.Ticks())
            {
                var y = Coordinate(bottom - (tick * PlotHeight / scale.Top));
                Svg.Shape(html, "line", [("class", tick == 0 ? "axis" : "grid"), ("x1", Coordinate(Left)), ("x2", Coordinate(Width - Right)), ("y1", y), ("y2", y)]);
                html.Line("text", [("class", "tick"), ("x", Coordinate(Left - 6)), ("y", y), ("dy", "0.32em"), ("text-anchor", "end")], Count(tick));
            }

            var slot = PlotWidth / axis.Count;
            var barWidth = Math.Max(0.5, Math.Min(slot * 0.8, 48));
            foreach (var bucket in buckets)
            {
                // A day in alarm without events of its own (an alarm that needs M of N periods) still shows, as a sliver.
                var barHeight = bucket.Events == 0 ? 2 : Math.Max(1.5, bucket.Events * PlotHeight / scale.Top);
                html.Line(
                    "rect",
                    [
                        ("class", bucket.AlarmPeriods > 0 ? "bar alarm" : "bar"),
                        ("x", Coordinate(Left + (bucket.Index * slot) + ((slot - barWidth) / 2))),
                        ("y", Coordinate(bottom - barHeight)),
                        ("width", Coordinate(barWidth)),
                        ("height", Coordinate(barHeight)),
                        ("data-start", TimeBuckets.Date(bucket.Start)),
                        ("data-events", bucket.Events.ToString(CultureInfo.InvariantCulture)),
                    ],
                    () => html.Inline("title", $"{axis.Name(bucket.Start)}: {Counted(bucket.Events, "event")}, {Counted(bucket.AlarmPeriods, "alarm period")}"));
            }

            if (buckets.Count == 0)
            {
                html.Line("text", [("class", "empty"), ("x", Coordinate(Left + 8)), ("y", Coordinate(bottom - 8))], "no matching events");
            }
        });
    }

    /// <summary>Up to <see cref="MaxDateLabels"/> dates under the last row, evenly spaced from the first bucket.</summary>
    private static void DateLabels(HtmlBuilder html, TimeBuckets axis, double top)
    {
        var slot = PlotWidth / axis.Count;
        var every = (axis.Count + MaxDateLabels - 1) / MaxDateLabels;
        html.Block("g", [("class", "dates")], () =>
        {
            for (var index = 0; index < axis.Count; index += every)
            {
                html.Line("text", [("x", Coordinate(Left + ((index + 0.5) * slot))), ("y", Coordinate(top + 11)), ("text-anchor", "middle")], TimeBuckets.Date(axis.StartOf(index)));
            }
        });
    }
}
