using System.Globalization;
using Tocsin.Backtest.Subjects;
using Tocsin.Core.Inventory;
using Tocsin.Reports.Html;
using static Tocsin.Backtest.Results.Html.Svg;

namespace Tocsin.Backtest.Results.Html;

/// <summary>
/// A control on the page: its patterns side by side, a sentence per variant on what it would have missed or added
/// beside the baseline, when each would have fired, who the baseline's events were by population, and where they came
/// from. The patterns of no control get the same table, timeline and sources, without the comparison.
/// </summary>
internal static class SubjectSection
{
    /// <summary>How many principals, source IPs, accounts and regions are listed for a pattern.</summary>
    private const int TopShares = 10;

    public const string NothingMatched = "No event in the history matched any of these patterns, so none of their alarms would have fired.";

    public static string Anchor(ControlBacktest control) => "control-" + control.ControlId;

    public static void Write(HtmlBuilder html, ControlBacktest control, TimeBuckets? axis) =>
        html.Block("section", [("class", "control"), ("id", Anchor(control)), ("data-control", control.ControlId)], () =>
        {
            var baseline = control.Baseline;
            IReadOnlyList<SubjectResult> subjects = [baseline, .. control.Variants];
            html.Line("h2", $"{control.ControlId}: {control.Title}");
            PatternTable(html, subjects, baseline);
            if (control.Variants.Count > 0)
            {
                html.Block("ul", [("class", "comparisons")], () =>
                {
                    foreach (var variant in control.Variants)
                    {
                        html.Line("li", BacktestText.Comparison(baseline, variant));
                    }
                });
            }

            if (axis is null || subjects.All(Silent))
            {
                html.Line("p", [("class", "empty")], NothingMatched);
                return;
            }

            html.Line("h3", "When the alarm would have fired");
            TimelineChart.Write(html, $"Matching events per {(axis.Weekly ? "week" : "day")} of each pattern of {control.ControlId}, bars with an alarm period in red", subjects, axis);
            html.Line("h3", "Who the events were");
            if (PopulationChart.Shown(control).Count == 0)
            {
                html.Line("p", [("class", "empty")], $"{baseline.Name} matched no event, so there is no population to show.");
            }
            else
            {
                PopulationChart.Write(html, control);
            }

            Sources(html, baseline);
        });

    public static void WritePatterns(HtmlBuilder html, IReadOnlyList<SubjectResult> patterns, TimeBuckets? axis) =>
        html.Block("section", [("class", "patterns"), ("id", "patterns")], () =>
        {
            html.Line("h2", "Patterns of no control");
            PatternTable(html, patterns, null);
            if (axis is null || patterns.All(Silent))
            {
                html.Line("p", [("class", "empty")], NothingMatched);
                return;
            }

            html.Line("h3", "When the alarms would have fired");
            TimelineChart.Write(html, $"Matching events per {(axis.Weekly ? "week" : "day")} of each pattern, bars with an alarm period in red", patterns, axis);
            foreach (var pattern in patterns.Where(pattern => pattern.MatchingEvents > 0))
            {
                Sources(html, pattern);
            }
        });

    private static bool Silent(SubjectResult subject) => subject.Timeline.Count == 0 && subject.AlarmPeriods.Count == 0;

    private static void PatternTable(HtmlBuilder html, IReadOnlyList<SubjectResult> subjects, SubjectResult? baseline)
    {
        html.Block("div", [("class", "scroll")], () => html.Block("table", [("class", "subjects")], () =>
        {
            html.Block("thead", () => html.Block("tr", () =>
            {
                html.Line("th", [("scope", "col")], "Pattern");
                html.Line("th", [("scope", "col")], "Kind");
                html.Line("th", [("scope", "col")], "Alarm");
                html.Line("th", [("scope", "col"), ("class", "number")], "Events");
                html.Line("th", [("scope", "col"), ("class", "number")], "Alarm periods");
                html.Line("th", [("scope", "col"), ("class", "number")], "Firings");
            }));
            html.Block("tbody", () =>
            {
                foreach (var subject in subjects)
                {
                    html.Block("tr", [("data-pattern", subject.Name)], () =>
                    {
                        html.Line("th", [("scope", "row")], subject == baseline ? $"{subject.Name} (baseline)" : subject.Name);
                        html.Line("td", subject.Language == "eventbridge" ? $"{subject.Kind}, EventBridge event pattern" : subject.Kind);
                        html.Line("td", Alarm(subject.Alarm));
                        html.Line("td", [("class", "number")], Count(subject.MatchingEvents));
                        html.Line("td", [("class", "number")], Count(subject.AlarmPeriods.Count));
                        html.Line("td", [("class", "number")], Count(subject.Firings));
                    });
                }
            });
        }));
        html.Block("details", [("class", "filter-patterns")], () =>
        {
            html.Line("summary", subjects.Any(subject => subject.Language == "eventbridge") ? "Filter and event patterns" : "Filter patterns");
            html.Block("dl", [("class", "patterns")], () =>
            {
                foreach (var subject in subjects)
                {
                    html.Line("dt", subject.ScopeAccounts is { } accounts ? $"{subject.Name} (events of {string.Join(", ", accounts)})" : subject.Name);
                    html.Line("dd", [], () => html.Inline("code", subject.Pattern));
                }
            });
        });
    }

    /// <summary>E.g. "≥ 1 per 300 s", or "> 5 per 60 s in 2 of 3 periods" for a deployed alarm.</summary>
    private static string Alarm(AlarmRule alarm)
    {
        var comparison = alarm.Comparison == AlarmComparisonOperator.GreaterThanThreshold ? ">" : "≥";
        var rule = string.Create(CultureInfo.InvariantCulture, $"{comparison} {alarm.Threshold:0.##} per {alarm.PeriodSeconds} s");
        return alarm.EvaluationPeriods == 1 && alarm.DatapointsToAlarm == 1 ? rule : $"{rule} in {alarm.DatapointsToAlarm} of {alarm.EvaluationPeriods} periods";
    }

    private static void Sources(HtmlBuilder html, SubjectResult subject)
    {
        if (subject.MatchingEvents == 0)
        {
            return;
        }

        html.Line("h3", $"Where the events of {subject.Name} came from");
        html.Block("div", [("class", "shares")], () =>
        {
            Shares(html, "Principals", subject.Principals);
            Shares(html, "Source IPs", subject.SourceIps);
            Shares(html, "Accounts", subject.Accounts);
            Shares(html, "Regions", subject.Regions);
        });
    }

    private static void Shares(HtmlBuilder html, string heading, IReadOnlyList<Share> shares) =>
        html.Block("table", [("class", "shares-" + heading.ToLowerInvariant().Replace(' ', '-'))], () =>
        {
            html.Block("thead", () => html.Block("tr", () =>
            {
                html.Line("th", [("scope", "col")], heading);
                html.Line("th", [("scope", "col"), ("class", "number")], "Events");
            }));
            html.Block("tbody", () =>
            {
                foreach (var share in shares.Take(TopShares))
                {
                    html.Block("tr", () =>
                    {
                        html.Line("td", [], () => html.Inline("code", share.Value));
                        html.Line("td", [("class", "number")], Count(share.Count));
                    });
                }
            });
        });
}
