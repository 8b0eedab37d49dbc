using System.Text;
using Tocsin.Backtest.Input;
using Tocsin.Backtest.Judging;
using Tocsin.Backtest.Results;
using Tocsin.Backtest.Subjects;
using Tocsin.Core.Controls;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Parsing;

namespace Tocsin.Backtest.Tests.Judging;

public sealed class BacktestEngineTests : IDisposable
{
    private static readonly Control Seed = ControlCatalog.Default.Find("console-signin-without-mfa")!;
    private readonly string _folder = Directory.CreateTempSubdirectory("tocsin-backtest-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A day of history: IAM users without MFA every 10 minutes, root without MFA three times, federated users with MFA, and API noise.</summary>
    private static List<string> History()
    {
        var records = new List<string>();
        for (var i = 0; i < 144; i++)
        {
            var time = Records.Start.AddMinutes(10 * i);
            records.Add(Records.ApiCall(time));
            if (i % 2 == 0)
            {
                records.Add(Records.SignIn("IAMUser", "No", time.AddSeconds(30), ip: $"198.51.100.{i % 7}", user: $"user{i % 5}"));
            }

            records.Add(Records.SignIn("IAMUser", "Yes", time.AddSeconds(45)));
        }

        records.Add(Records.SignIn("Root", "No", Records.Start.AddHours(3), ip: "203.0.113.1"));
        records.Add(Records.SignIn("Root", "No", Records.Start.AddHours(7), ip: "203.0.113.2"));
        records.Add(Records.SignIn("Root", "No", Records.Start.AddHours(20).AddMinutes(12), ip: "203.0.113.7"));
        return records;
    }

    private BacktestResult Run(IReadOnlyList<string> records, IReadOnlyList<string>? patterns = null, BacktestOptions? options = null, IReadOnlyList<Control>? controls = null)
    {
        var path = Records.WriteJsonLines(_folder, records);
        var catalog = SubjectCatalog.Build(controls ?? [Seed], patterns ?? [], null, 300);
        return new BacktestEngine(catalog, options ?? new BacktestOptions()).Run(InputDiscovery.Plan([path], 1));
    }

    private static int CountMatches(IEnumerable<string> records, string pattern)
    {
        var matcher = PatternMatcher.Compile(PatternParser.Parse(pattern).Pattern!);
        return records.Count(record => matcher.Matches(Encoding.UTF8.GetBytes(record)));
    }

    [Fact]
    public void Each_control_s_populations_are_what_its_classifier_says_of_each_record_its_baseline_matches()
    {
        // Every control's corpus, so every population of the catalog is there, read by the whole catalog at once.
        var history = ControlCatalog.Default.All.SelectMany(control => control.Corpus).Select(e => e.Message).ToList();

        var result = Run(history, controls: ControlCatalog.Default.All);

        foreach (var control in ControlCatalog.Default.All)
        {
            var baseline = PatternMatcher.Compile(PatternParser.Parse(control.PrimaryReference.Pattern).Pattern!);
            var classifier = PopulationClassifier.For(control);
            var expected = history.Select(Encoding.UTF8.GetBytes)
                .Where(record => baseline.Matches(record))
                .GroupBy(record => classifier.Classify(record))
                .ToDictionary(group => group.Key, group => (long)group.Count());

            result.Controls.Single(c => c.ControlId == control.Id).Baseline.Populations.ShouldBe(expected, ignoreOrder: true, control.Id);
        }
    }

    [Fact]
    public void Every_pattern_counts_exactly_the_records_its_matcher_matches()
    {
        var history = History();

        var result = Run(history);

        var control = result.Controls.Single();
        control.Baseline.Name.ShouldBe(Seed.PrimaryReference.Name);
        control.Baseline.MatchingEvents.ShouldBe(CountMatches(history, Seed.PrimaryReference.Pattern));
        foreach (var variant in control.Variants)
        {
            var pattern = Seed.AcceptedVariants.Select(v => (v.Name, v.Pattern)).Concat(Seed.ReferencePatterns.Select(r => (r.Name, r.Pattern))).First(p => p.Name == variant.Name).Pattern;
            variant.MatchingEvents.ShouldBe(CountMatches(history, pattern), variant.Name);
        }

        result.Input.Events.ShouldBe(history.Count);
    }

    [Fact]
    public void The_strict_variant_is_shown_missing_the_root_sign_ins_with_the_last_one_s_time_and_address()
    {
        var result = Run(History());

        var strict = result.Controls.Single().Variants.Single(v => v.Name == "cis-strict");
        var missed = strict.Missed.Values.Sum(o => o.Count);
        missed.ShouldBe(3);
        strict.Missed.Keys.ShouldBe(["root-no-mfa"]);
        var last = strict.Missed["root-no-mfa"];
        last.LastTime.ShouldBe(Records.Start.AddHours(20).AddMinutes(12));
        last.LastSourceIp.ShouldBe("203.0.113.7");
        last.LastPrincipal.ShouldBe("arn:aws:iam::111122223333:root");
        BacktestText.Comparison(result.Controls.Single().Baseline, strict).ShouldContain("missed 3 root-no-mfa events");
        BacktestText.Comparison(result.Controls.Single().Baseline, strict).ShouldContain("the last on 2026-10-05 05:12 UTC from 203.0.113.7");
    }

    [Fact]
    public void The_baseline_s_events_are_broken_down_by_the_catalog_s_populations()
    {
        var baseline = Run(History()).Controls.Single().Baseline;

        baseline.Populations.ShouldBe(new Dictionary<string, long> { ["iam-user-no-mfa"] = 72, ["root-no-mfa"] = 3 });
        baseline.Principals.Sum(share => share.Count).ShouldBe(75);
        baseline.Principals.ShouldContain(new Share("arn:aws:iam::111122223333:root", 3));
        baseline.Principals.ShouldBeInOrder(SortDirection.Descending, Comparer<Share>.Create((a, b) => a.Count.CompareTo(b.Count)));
    }

    [Fact]
    public void A_fact_written_with_escapes_is_reported_as_it_reads()
    {
        var history = History();
        history[^1] = history[^1].Replace("\"203.0.113.7\"", "\"203.0.113.\\u0037\"", StringComparison.Ordinal);
        history[^1].ShouldContain("\\u0037");

        var strict = Run(history).Controls.Single().Variants.Single(v => v.Name == "cis-strict");

        strict.Missed["root-no-mfa"].LastSourceIp.ShouldBe("203.0.113.7");
        strict.Missed["root-no-mfa"].LastTime.ShouldBe(Records.Start.AddHours(20).AddMinutes(12));
    }

    [Fact]
    public void With_more_patterns_than_populations_can_ride_with_the_populations_are_still_each_record_s_own()
    {
        // 65 patterns of the user beside the control's own: past the 64 the pattern set's read tells populations for,
        // so each matched record is classified on its own, with the same breakdown.
        var patterns = Enumerable.Range(0, 65).Select(i => $"{{ ($.eventName = \"ConsoleLogin\") && ($.unused{i} NOT EXISTS) }}").ToList();

        var result = Run(History(), patterns: patterns).Controls.Single();

        result.Baseline.Populations.ShouldBe(new Dictionary<string, long> { ["iam-user-no-mfa"] = 72, ["root-no-mfa"] = 3 });
        result.Variants.Single(v => v.Name == "pattern 65").Populations.ShouldBe(
            new Dictionary<string, long> { ["iam-user-mfa"] = 144, ["iam-user-no-mfa"] = 72, ["root-no-mfa"] = 3 });
        result.Baseline.Last!.LastSourceIp.ShouldBe("198.51.100.2"); // the last sign-in without MFA, at 23:40:30
    }

    [Fact]
    public void Alarm_periods_are_the_five_minute_periods_with_a_matching_event()
    {
        var history = History();

        var baseline = Run(history).Controls.Single().Baseline;

        // 72 sign-ins without MFA, one in every other 10-minute slot; the root ones at 03:00 and 07:00 share those
        // periods, the one at 20:12 has its own.
        baseline.AlarmPeriods.Count.ShouldBe(73);
        baseline.Timeline.Sum(p => p.Count).ShouldBe(baseline.MatchingEvents);
        baseline.Timeline.ShouldAllBe(p => p.Start.ToUnixTimeSeconds() % 300 == 0);
        baseline.Firings.ShouldBe(73);
    }

    [Fact]
    public void A_time_window_keeps_only_the_events_inside_it()
    {
        var window = new BacktestOptions(From: Records.Start.AddHours(6), To: Records.Start.AddHours(8));

        var baseline = Run(History(), options: window).Controls.Single().Baseline;

        baseline.MatchingEvents.ShouldBe(6 + 1);
        baseline.Timeline.ShouldAllBe(p => p.Start >= Records.Start.AddHours(6) && p.Start < Records.Start.AddHours(8));
    }

    [Fact]
    public void A_pattern_the_user_gives_is_compared_with_the_baseline_of_the_one_control_selected()
    {
        var result = Run(History(), patterns: ["{ $.eventName = \"ConsoleLogin\" }"]);

        var mine = result.Controls.Single().Variants.Single(v => v.Name == "pattern 1");
        mine.Kind.ShouldBe("custom");
        mine.Missed.ShouldBeEmpty();
        mine.Extra.Values.Sum(o => o.Count).ShouldBe(144);
        result.Patterns.ShouldBeEmpty();
    }

    [Fact]
    public void A_pattern_CloudWatch_would_refuse_is_refused_with_the_reason()
    {
        var refused = Should.Throw<SubjectException>(() => SubjectCatalog.Build([Seed], ["{ $.eventName = "], null, 300));

        refused.Message.ShouldStartWith("pattern 1 of console-signin-without-mfa: CloudWatch Logs would refuse the pattern");
    }

    [Fact]
    public void Reading_with_several_threads_gives_the_same_report_as_one()
    {
        var history = History();
        var paths = Enumerable.Range(0, 4).Select(i => Records.WriteJsonLines(_folder, history.Skip(i * 100).Take(100), $"part{i}.jsonl")).ToList();
        var catalog = SubjectCatalog.Build(ControlCatalog.Default.All, [], null, 300);

        string Json(int threads)
        {
            var result = new BacktestEngine(catalog, new BacktestOptions(Threads: threads)).Run(InputDiscovery.Plan(paths, threads));
            var output = new StringWriter();
            BacktestJson.Write(result with { Input = result.Input with { Duration = TimeSpan.Zero } }, output);
            return output.ToString();
        }

        Json(4).ShouldBe(Json(1));
    }
}
