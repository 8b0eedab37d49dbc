using System.Globalization;
using Tocsin.Reports.Html;
using static Tocsin.Backtest.Results.Html.Svg;

namespace Tocsin.Backtest.Results.Html;

/// <summary>The head of the page: what was read and what could not be, the alarm period, the window and span of the history, and the notes.</summary>
internal static class SummarySection
{
    /// <summary>How many unreadable records, files and paths are listed by name; the rest are counted.</summary>
    private const int Listed = 10;

    public static void Write(HtmlBuilder html, BacktestResult result, TimeBuckets? axis) =>
        html.Block("header", [("id", "summary")], () =>
        {
            var input = result.Input;
            html.Line("h1", Title(result));
            html.Block("dl", [("class", "facts")], () =>
            {
                Fact(html, "Read", $"{Counted(input.Events, "event")} in {Counted(input.Files, "file")} ({Size(input.Bytes)})");
                Fact(html, "Took", string.Create(CultureInfo.InvariantCulture, $"{input.Duration.TotalSeconds:0.0} s"));
                Fact(html, "Alarm period", $"{Count(result.PeriodSeconds)} s");
                Fact(html, "Window", Window(result));
                Fact(html, "Matching events", axis is null ? "none" : Span(axis));
                if (input.Untimed > 0)
                {
                    Fact(html, "Untimed matches", $"{Counted(input.Untimed, "matching event")} without a readable eventTime: counted, placed in no period");
                }

                if (input.BadRecords > 0 || input.Failures.Count > 0 || input.Problems.Count > 0)
                {
                    html.Line("dt", "Could not read");
                    html.Block("dd", () => Unreadable(html, input));
                }
            });
            if (result.Notes.Count > 0)
            {
                html.Block("ul", [("class", "notes")], () =>
                {
                    foreach (var note in result.Notes)
                    {
                        html.Line("li", "Note: " + note);
                    }
                });
            }
        });

    public static string Title(BacktestResult result)
    {
        var controls = result.Controls.Count;
        var patterns = result.Patterns.Count;
        var replayed = patterns == 0 ? Counted(controls, "control") : controls == 0 ? Counted(patterns, "pattern") : $"{Counted(controls, "control")} and {Counted(patterns, "pattern")}";
        return $"tocsin backtest: {replayed} over {Counted(result.Input.Events, "event")}";
    }

    private static void Unreadable(HtmlBuilder html, InputSummary input)
    {
        html.Line("p", $"{Counted(input.BadRecords, "record")}, {Counted(input.Failures.Count, "file")} in part and {Counted(input.Problems.Count, "path")}:");
        html.Block("ul", [("class", "problems")], () =>
        {
            foreach (var bad in input.BadRecordSamples.Take(Listed))
            {
                Problem(html, $"{bad.File}@{bad.Offset.ToString(CultureInfo.InvariantCulture)}", bad.Reason);
            }

            foreach (var (file, failure) in input.Failures.Take(Listed))
            {
                Problem(html, file, failure);
            }

            foreach (var problem in input.Problems.Take(Listed))
            {
                Problem(html, problem.Path, problem.Reason);
            }

            var unlisted = Math.Max(0, input.BadRecords - Math.Min(Listed, input.BadRecordSamples.Count))
                + Math.Max(0, input.Failures.Count - Listed) + Math.Max(0, input.Problems.Count - Listed);
            if (unlisted > 0)
            {
                html.Line("li", [("class", "muted")], $"and {Count(unlisted)} more");
            }
        });
    }

    private static void Problem(HtmlBuilder html, string where, string reason) =>
        html.Line("li", [], () =>
        {
            html.Inline("code", where);
            html.Text(": " + reason);
        });

    private static void Fact(HtmlBuilder html, string name, string value)
    {
        html.Line("dt", name);
        html.Line("dd", value);
    }

    private static string Window(BacktestResult result) =>
        result.From is null && result.To is null
            ? "the whole history"
            : $"from {result.From?.ToString("u", CultureInfo.InvariantCulture) ?? "the start"} to {result.To?.ToString("u", CultureInfo.InvariantCulture) ?? "the end"}";

    private static string Span(TimeBuckets axis)
    {
        var last = axis.StartOf(axis.Count - 1).AddDays(axis.DaysPerBucket - 1);
        var days = last.DayNumber - axis.First.DayNumber + 1;
        var from = TimeBuckets.Date(axis.First);
        return axis.Weekly
            ? $"the weeks from {from} to {TimeBuckets.Date(last)} ({Counted(axis.Count, "week")}), a bar per week"
            : days == 1 ? $"on {from}, one day" : $"from {from} to {TimeBuckets.Date(last)} ({Counted(days, "day")}), a bar per day";
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.0} GB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.0} MB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        _ => Counted(bytes, "byte"),
    };
}
