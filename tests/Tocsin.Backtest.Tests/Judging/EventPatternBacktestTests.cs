using System.Text.Json.Nodes;
using Tocsin.Backtest.Input;
using Tocsin.Backtest.Judging;
using Tocsin.Backtest.Results;
using Tocsin.Backtest.Subjects;
using Tocsin.Core.Controls;
using Tocsin.Core.EventPatterns;

namespace Tocsin.Backtest.Tests.Judging;

/// <summary>
/// An EventBridge rule's pattern replayed on the same history as the filter patterns: each record is matched as the
/// event EventBridge delivers for it, and the fast path's prefilter never hides a record the rule could match.
/// </summary>
public sealed class EventPatternBacktestTests : IDisposable
{
    private static readonly Control Seed = ControlCatalog.Default.Find("console-signin-without-mfa")!;

    /// <summary>The rule teams deploy for CIS on the default bus.</summary>
    private const string CisLikeRule = """{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"],"detail":{"additionalEventData":{"MFAUsed":[{"anything-but":"Yes"}]}}}""";

    /// <summary>Only the source: every sign-in event.</summary>
    private const string SourceOnlyRule = """{"source":["aws.signin"]}""";

    /// <summary>No field with exact strings to search for: every record must be tried.</summary>
    private const string PrefixRule = """{"source":[{"prefix":"aws.sign"}],"detail":{"eventName":["ConsoleLogin"]}}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("tocsin-backtest-events-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Sign-ins with and without MFA, root ones, API calls, sign-in events that are not ConsoleLogin (which no filter
    /// of the seed control looks for), and records whose event type or source is written with escapes.
    /// </summary>
    private static List<string> History()
    {
        var records = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var time = Records.Start.AddMinutes(7 * i);
            records.Add(Records.ApiCall(time));
            records.Add(Records.SignIn("IAMUser", i % 3 == 0 ? "Yes" : "No", time.AddSeconds(20), user: $"user{i % 4}"));
            if (i % 10 == 0)
            {
                records.Add(Records.SignIn("Root", "No", time.AddSeconds(40), ip: "203.0.113.9"));
                records.Add(Renamed(Records.SignIn("IAMUser", "No", time.AddSeconds(50)), "CheckMfa"));
                records.Add(Records.SignIn("IAMUser", "No", time.AddSeconds(55)).Replace("AwsConsoleSignIn", "AwsConsole\\u0053ignIn", StringComparison.Ordinal));
                records.Add(Records.SignIn("IAMUser", "No", time.AddSeconds(58)).Replace("signin.amazonaws.com", "signin\\u002eamazonaws.com", StringComparison.Ordinal));
            }
        }

        return records;
    }

    /// <summary>Another sign-in event, as CloudTrail writes it: the name in <c>eventName</c> and in <c>responseElements</c>.</summary>
    private static string Renamed(string record, string eventName)
    {
        var node = JsonNode.Parse(record)!.AsObject();
        node["eventName"] = eventName;
        node["responseElements"] = new JsonObject { [eventName] = "Success" };
        return node.ToJsonString();
    }

    private static long BruteForce(IEnumerable<string> records, string pattern)
    {
        var matcher = EventPatternMatcher.Compile(pattern).Matcher!;
        return records.Count(record => matcher.Matches(CloudTrailEnvelope.Wrap(record)));
    }

    private BacktestResult Run(IReadOnlyList<string> records, IReadOnlyList<string> eventPatterns, IReadOnlyList<Control> controls, bool visitEveryRecord = false)
    {
        var path = Records.WriteJsonLines(_folder, records);
        var catalog = SubjectCatalog.Build(controls, [], null, 300, eventPatterns);
        return new BacktestEngine(catalog, new BacktestOptions { VisitEveryRecord = visitEveryRecord }).Run(InputDiscovery.Plan([path], 1));
    }

    [Theory]
    [InlineData(CisLikeRule)]
    [InlineData(SourceOnlyRule)]
    [InlineData(PrefixRule)]
    public void An_event_pattern_counts_exactly_the_records_whose_EventBridge_event_it_matches(string rule)
    {
        var history = History();

        var result = Run(history, [rule], [Seed]);

        var subject = result.Controls.Single().Variants.Single(v => v.Name == "event pattern 1");
        subject.MatchingEvents.ShouldBe(BruteForce(history, rule));
        subject.MatchingEvents.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void The_prefilter_lets_through_sign_in_events_no_filter_pattern_looks_for()
    {
        // Only CheckMfa sign-ins: the seed control's filters need the text ConsoleLogin, which none of them holds.
        var history = Enumerable.Range(0, 5).Select(i => Renamed(Records.SignIn("IAMUser", "No", Records.Start.AddMinutes(i)), "CheckMfa")).ToList();

        var result = Run(history, [CisLikeRule], [Seed]);

        var control = result.Controls.Single();
        control.Baseline.MatchingEvents.ShouldBe(0);
        control.Variants.Single(v => v.Name == "event pattern 1").MatchingEvents.ShouldBe(5);
    }

    [Fact]
    public void Reading_with_the_prefilter_gives_the_report_reading_every_record_gives_with_event_patterns_among_the_catalog()
    {
        var history = History();

        string Report(bool visitEveryRecord)
        {
            var result = Run(history, [CisLikeRule, SourceOnlyRule], ControlCatalog.Default.All, visitEveryRecord);
            var json = new StringWriter();
            BacktestJson.Write(result with { Input = result.Input with { Duration = TimeSpan.Zero } }, json);
            return json.ToString();
        }

        Report(visitEveryRecord: false).ShouldBe(Report(visitEveryRecord: true));
    }

    [Fact]
    public void The_CIS_like_rule_alerts_on_the_same_populations_as_the_CIS_filter_and_on_sign_in_events_it_does_not_name()
    {
        var result = Run(History(), [CisLikeRule], [Seed]);

        var control = result.Controls.Single();
        var rule = control.Variants.Single(v => v.Name == "event pattern 1");
        rule.Language.ShouldBe("eventbridge");
        rule.Kind.ShouldBe("custom");
        rule.Missed.ShouldBeEmpty();
        foreach (var (population, count) in control.Baseline.Populations)
        {
            rule.Populations[population].ShouldBeGreaterThanOrEqualTo(count, population);
        }

        rule.Extra.Values.Sum(o => o.Count).ShouldBe(rule.MatchingEvents - control.Baseline.MatchingEvents);
        rule.AlarmPeriods.Count.ShouldBeGreaterThanOrEqualTo(control.Baseline.AlarmPeriods.Count);
    }

    [Fact]
    public void With_several_controls_an_event_pattern_is_reported_among_the_patterns_of_no_control()
    {
        var result = Run(History(), [SourceOnlyRule], [Seed, ControlCatalog.Default.Find("root-account-usage")!]);

        var rule = result.Patterns.ShouldHaveSingleItem();
        (rule.Name, rule.Language, rule.Pattern).ShouldBe(("event pattern 1", "eventbridge", SourceOnlyRule));
    }

    [Fact]
    public void The_report_names_an_event_patterns_language_in_JSON_and_text()
    {
        var result = Run(History(), [CisLikeRule], [Seed]);
        var json = new StringWriter();
        var text = new StringWriter();

        BacktestJson.Write(result, json);
        BacktestText.Write(result, text);

        var variant = JsonNode.Parse(json.ToString())!["controls"]![0]!["variants"]!.AsArray().Single(v => v!["name"]!.GetValue<string>() == "event pattern 1")!;
        variant["language"]!.GetValue<string>().ShouldBe("eventbridge");
        variant["populations"]!["iam-user-no-mfa"]!.GetValue<long>().ShouldBeGreaterThan(0);
        text.ToString().ShouldContain("event pattern 1 by population: iam-user-no-mfa");
    }

    [Fact]
    public void The_HTML_report_lists_the_rule_in_the_control_s_table_as_an_EventBridge_event_pattern()
    {
        var result = Run(History(), [CisLikeRule], [Seed]);
        var html = new StringWriter();

        BacktestHtml.Write(result, html);

        html.ToString().ShouldContain("<tr data-pattern=\"event pattern 1\">");
        html.ToString().ShouldContain("custom, EventBridge event pattern");
        html.ToString().ShouldContain("Filter and event patterns");
    }

    [Fact]
    public void A_pattern_EventBridge_would_refuse_is_refused_with_the_reason()
    {
        var refused = Should.Throw<SubjectException>(() => SubjectCatalog.Build([Seed], [], null, 300, ["""{"source": "aws.signin"}"""]));

        refused.Message.ShouldStartWith("event pattern 1 of console-signin-without-mfa: EventBridge would refuse the pattern: the value of \"source\" must be an object or an array");
    }

    [Theory]
    [InlineData(CisLikeRule, new[] { "AWS Console Sign In via CloudTrail", "AwsConsoleSignIn" })]
    [InlineData(SourceOnlyRule, new[] { "signin" })]
    [InlineData("""{"detail-type":["AWS API Call via CloudTrail"],"source":["aws.iam"]}""", new[] { "AWS API Call via CloudTrail", "AwsApiCall" })]
    [InlineData(PrefixRule, null)]
    [InlineData("""{"$or":[{"source":["aws.signin"]},{"source":["aws.iam"]}]}""", null)]
    [InlineData("""{"detail-type":["a/b"]}""", null)]
    public void A_record_must_hold_one_of_the_texts_its_event_type_or_source_is_written_with(string pattern, string[]? anchors)
    {
        EventPatternAnchors.Of(EventPatternParser.Parse(pattern).Pattern!).ShouldBe(anchors);
    }
}
