using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Dom;
using Tocsin.Backtest.Results;
using Tocsin.Backtest.Results.Html;
using Tocsin.Backtest.Tests.Judging;
using static Tocsin.Backtest.Tests.Html.BacktestSamples;

namespace Tocsin.Backtest.Tests.Html;

public class BacktestHtmlTests
{
    private static readonly Lazy<BacktestResult> Sample = new(FourDaysResult);

    private static IElement Section(IDocument page, string controlId) => page.QuerySelector($"section.control[data-control='{controlId}']")!;

    private static IEnumerable<IElement> Bars(IElement section, string pattern) =>
        section.QuerySelectorAll("svg.timeline g.row").Single(row => row.GetAttribute("data-pattern") == pattern).QuerySelectorAll("rect.bar");

    private static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void The_page_allows_only_its_own_style_and_holds_no_script_and_no_address_outside_itself()
    {
        var page = Page(Sample.Value);

        var policy = page.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
        var directives = policy.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(directive => directive.Split(' ')[0], directive => directive.Split(' ')[1..]);
        directives["default-src"].ShouldBe(["'none'"]);
        directives["script-src"].ShouldBe(["'none'"]);
        directives["img-src"].ShouldBe(["data:"]);
        directives["base-uri"].ShouldBe(["'none'"]);
        directives["form-action"].ShouldBe(["'none'"]);
        var style = page.QuerySelectorAll("style").ShouldHaveSingleItem().TextContent;
        directives["style-src"].ShouldBe([$"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(style)))}'"]);
        page.QuerySelectorAll("script, iframe, object, embed, img, form").Length.ShouldBe(0);
        page.QuerySelectorAll("[style]").Length.ShouldBe(0);
        var all = page.QuerySelectorAll("*");
        all.SelectMany(element => element.Attributes).Where(attribute => attribute.Name.StartsWith("on", StringComparison.Ordinal)).ShouldBeEmpty();
        all.Select(element => element.GetAttribute("src")).OfType<string>().ShouldBeEmpty();
        all.Select(element => element.GetAttribute("href")).OfType<string>().ShouldAllBe(href => href == "data:," || href.StartsWith('#'));
        page.QuerySelector("link[rel='icon']")!.GetAttribute("href").ShouldBe("data:,");
    }

    [Fact]
    public void Every_shape_of_the_charts_is_closed_so_none_hides_inside_another()
    {
        var page = Page(Sample.Value);

        var shapes = page.QuerySelectorAll("svg rect, svg line, svg text");
        shapes.Length.ShouldBeGreaterThan(20);
        shapes.ShouldAllBe(shape => shape.ParentElement!.LocalName == "g" || shape.ParentElement.LocalName == "svg");
        shapes.SelectMany(shape => shape.Children).ShouldAllBe(child => child.LocalName == "title");
    }

    [Fact]
    public void A_principal_that_holds_markup_shows_as_text_and_opens_no_element()
    {
        var page = Page(Sample.Value);

        page.QuerySelectorAll("img").Length.ShouldBe(0);
        page.QuerySelectorAll("[onerror]").Length.ShouldBe(0);
        var section = Section(page, SignInWithoutMfa.Id);
        section.QuerySelectorAll("table.shares-principals td code").Select(code => code.TextContent).ShouldContain(HostileArn);
        section.QuerySelectorAll("ul.comparisons li").Single(li => li.TextContent.StartsWith("cis-strict", StringComparison.Ordinal))
            .TextContent.ShouldContain($"from 203.0.113.66 ({HostileArn})");
    }

    [Fact]
    public void Each_pattern_has_a_bar_for_each_day_with_matching_events()
    {
        var control = Sample.Value.Controls.Single();
        var section = Section(Page(Sample.Value), control.ControlId);

        foreach (var subject in control.Variants.Prepend(control.Baseline))
        {
            var days = subject.Timeline.Select(period => Day(period.Start)).Distinct().ToList();
            Bars(section, subject.Name).Select(bar => bar.GetAttribute("data-start")).ShouldBe(days, subject.Name);
        }

        Bars(section, control.Baseline.Name).Count().ShouldBe(3, "events on the first, second and fourth day, none on the third");
    }

    [Fact]
    public void The_bars_in_the_alarm_colour_are_exactly_the_days_with_alarm_periods()
    {
        var control = Sample.Value.Controls.Single();
        var section = Section(Page(Sample.Value), control.ControlId);

        foreach (var subject in control.Variants.Prepend(control.Baseline))
        {
            var days = subject.AlarmPeriods.Select(start => Day(DateTimeOffset.FromUnixTimeSeconds(start))).Distinct().Order(StringComparer.Ordinal).ToList();
            Bars(section, subject.Name).Where(bar => bar.ClassList.Contains("alarm")).Select(bar => bar.GetAttribute("data-start")).ShouldBe(days, subject.Name);
        }
    }

    [Fact]
    public void A_bar_s_tooltip_gives_its_day_its_events_and_its_alarm_periods()
    {
        var baseline = Sample.Value.Controls.Single().Baseline;
        var secondDay = Records.Start.AddDays(1);
        var events = baseline.Timeline.Where(period => Day(period.Start) == Day(secondDay)).Sum(period => period.Count);
        var periods = baseline.AlarmPeriods.Count(start => Day(DateTimeOffset.FromUnixTimeSeconds(start)) == Day(secondDay));

        var bar = Bars(Section(Page(Sample.Value), SignInWithoutMfa.Id), baseline.Name).Single(bar => bar.GetAttribute("data-start") == "2026-10-05");

        (events, periods).ShouldBe((6, 6));
        bar.QuerySelector("title")!.TextContent.ShouldBe("2026-10-05: 6 events, 6 alarm periods");
    }

    [Fact]
    public void A_variant_that_alarms_less_draws_a_lower_row_on_the_same_scale()
    {
        var section = Section(Page(Sample.Value), SignInWithoutMfa.Id);

        static double Height(IElement bar) => double.Parse(bar.GetAttribute("height")!, CultureInfo.InvariantCulture);
        var baseline = Bars(section, "cis").Single(bar => bar.GetAttribute("data-start") == "2026-10-05");
        var strict = Bars(section, "cis-strict").Single(bar => bar.GetAttribute("data-start") == "2026-10-05");

        Height(strict).ShouldBeLessThan(Height(baseline));
        (Height(strict) / Height(baseline)).ShouldBe(5.0 / 6, 0.01);
    }

    [Fact]
    public void A_day_in_alarm_without_events_of_its_own_is_still_marked_in_the_alarm_colour()
    {
        var result = Sample.Value;
        var control = result.Controls.Single();
        var quietDay = Records.Start.AddDays(2).ToUnixTimeSeconds() / 300 * 300;
        var lingering = control with { Baseline = control.Baseline with { AlarmPeriods = [.. control.Baseline.AlarmPeriods, quietDay] } };

        var bars = Bars(Section(Page(result with { Controls = [lingering] }), control.ControlId), control.Baseline.Name).ToList();

        var quiet = bars.Single(bar => bar.GetAttribute("data-start") == "2026-10-06");
        quiet.ClassList.ShouldContain("alarm");
        quiet.QuerySelector("title")!.TextContent.ShouldBe("2026-10-06: 0 events, 1 alarm period");
    }

    [Fact]
    public void The_population_chart_shows_the_baseline_s_populations_and_highlights_what_the_strict_variant_misses()
    {
        var baseline = Sample.Value.Controls.Single().Baseline;
        var chart = Section(Page(Sample.Value), SignInWithoutMfa.Id).QuerySelector("svg.populations")!;

        var rows = chart.QuerySelectorAll("g.population");
        rows.Select(row => row.GetAttribute("data-population")).ShouldBe(["root-no-mfa", "iam-user-no-mfa"], ignoreOrder: true);
        var missed = rows.Where(row => row.ClassList.Contains("missed")).ShouldHaveSingleItem();
        missed.GetAttribute("data-population").ShouldBe("root-no-mfa");
        missed.QuerySelector("text.count")!.TextContent.ShouldBe($"{baseline.Populations["root-no-mfa"]} — missed by cis-strict (3)");
        missed.QuerySelectorAll("rect.missed").Length.ShouldBe(1);
    }

    [Fact]
    public void A_history_with_no_matching_event_shows_a_sentence_instead_of_a_chart()
    {
        var result = Run([Records.ApiCall(Records.Start), Records.SignIn("IAMUser", "Yes", Records.Start)], [SignInWithoutMfa]);

        var page = Page(result);

        page.QuerySelectorAll("svg").Length.ShouldBe(0);
        Section(page, SignInWithoutMfa.Id).QuerySelector("p.empty")!.TextContent.ShouldBe(SubjectSection.NothingMatched);
        page.QuerySelectorAll("section.control table.subjects tbody tr").Length.ShouldBe(1 + result.Controls.Single().Variants.Count);
    }

    [Fact]
    public void A_control_nothing_matched_gets_the_sentence_beside_one_that_has_charts()
    {
        var page = Page(Run(FourDays(), [SignInWithoutMfa, KeyDeletion]));

        Section(page, KeyDeletion.Id).QuerySelectorAll("svg").Length.ShouldBe(0);
        Section(page, KeyDeletion.Id).QuerySelector("p.empty")!.TextContent.ShouldBe(SubjectSection.NothingMatched);
        Section(page, SignInWithoutMfa.Id).QuerySelectorAll("svg").Length.ShouldBe(2);
    }

    [Fact]
    public void A_history_of_one_day_is_one_bar_over_its_date()
    {
        var result = Run([Records.SignIn("IAMUser", "No", Records.Start), Records.SignIn("IAMUser", "No", Records.Start.AddHours(5))], [SignInWithoutMfa]);

        var chart = Section(Page(result), SignInWithoutMfa.Id).QuerySelector("svg.timeline")!;

        Bars(chart.ParentElement!, result.Controls.Single().Baseline.Name).ShouldHaveSingleItem().QuerySelector("title")!.TextContent.ShouldBe("2026-10-04: 2 events, 2 alarm periods");
        chart.QuerySelectorAll("g.dates text").Select(text => text.TextContent).ShouldBe(["2026-10-04"]);
    }

    [Fact]
    public void A_history_of_two_years_is_drawn_a_bar_per_week()
    {
        var times = Enumerable.Range(0, 82).Select(i => Records.Start.AddDays(i * 9)).ToList();
        var result = Run(times.Select(time => Records.SignIn("IAMUser", "No", time)), [SignInWithoutMfa]);
        static string Monday(DateTimeOffset time) => Day(time.AddDays(-(((int)time.DayOfWeek + 6) % 7)));

        var page = Page(result);

        var bars = Bars(Section(page, SignInWithoutMfa.Id), result.Controls.Single().Baseline.Name).ToList();
        bars.Select(bar => bar.GetAttribute("data-start")).ShouldBe(times.Select(Monday).Distinct());
        bars.ShouldAllBe(bar => bar.QuerySelector("title")!.TextContent.StartsWith("week of ", StringComparison.Ordinal));
        bars[0].QuerySelector("title")!.TextContent.ShouldBe("week of 2026-09-28: 1 event, 1 alarm period");
        page.QuerySelectorAll("g.dates text").Length.ShouldBeInRange(2, 8);
    }

    [Fact]
    public void The_summary_says_what_was_read_and_where_a_record_could_not_be()
    {
        var result = WithBadRecords(Sample.Value);

        var summary = Page(result).QuerySelector("header#summary")!;

        var facts = summary.QuerySelectorAll("dl.facts dt").ToDictionary(dt => dt.TextContent, dt => dt.NextElementSibling!);
        facts["Read"].TextContent.ShouldBe(string.Create(CultureInfo.InvariantCulture, $"{result.Input.Events} events in 1 file ({result.Input.Bytes / 1024.0:0.0} KB)"));
        facts["Alarm period"].TextContent.ShouldBe("300 s");
        facts["Window"].TextContent.ShouldBe("the whole history");
        facts["Matching events"].TextContent.ShouldBe("from 2026-10-04 to 2026-10-07 (4 days), a bar per day");
        facts["Untimed matches"].TextContent.ShouldStartWith("1 matching event without a readable eventTime");
        var unreadable = facts["Could not read"];
        unreadable.QuerySelector("p")!.TextContent.ShouldBe("2 records, 0 files in part and 1 path:");
        unreadable.QuerySelectorAll("li").Select(li => li.TextContent).ShouldBe(
        [
            "events.jsonl@4711: not a JSON object: " + HostileMarkup,
            "events.jsonl@9000: a record longer than 16 MiB",
            "missing/: no such file or folder",
        ]);
        unreadable.QuerySelectorAll("li code").Select(code => code.TextContent).ShouldBe(["events.jsonl@4711", "events.jsonl@9000", "missing/"]);
    }

    [Fact]
    public void The_same_result_writes_the_same_bytes()
    {
        Write(FourDaysResult()).ShouldBe(Write(FourDaysResult()));
    }
}
