using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Tocsin.Core.Controls;
using Tocsin.Core.Findings;
using Tocsin.Reports.Sarif;

namespace Tocsin.Reports.Tests;

public class SarifReportWriterTests
{
    private static string Text(RunResult run, ReportContext? context = null, int? maxResults = null)
    {
        var output = new StringWriter();
        var writer = maxResults is { } limit
            ? new SarifReportWriter(context ?? SarifSamples.Live, limit)
            : new SarifReportWriter(context ?? SarifSamples.Live);
        writer.Write(run, output);
        return output.ToString();
    }

    private static JsonElement Run(RunResult run, ReportContext? context = null, int? maxResults = null) =>
        JsonDocument.Parse(Text(run, context, maxResults)).RootElement.GetProperty("runs")[0].Clone();

    private static JsonElement[] Results(JsonElement run) => [.. run.GetProperty("results").EnumerateArray()];

    private static JsonElement ResultOf(JsonElement run, string accountId) =>
        Results(run).Single(result => result.GetProperty("properties").GetProperty("accountId").GetString() == accountId);

    private static string Message(JsonElement result) => result.GetProperty("message").GetProperty("text").GetString()!;

    private static JsonElement Physical(JsonElement location) => location.GetProperty("physicalLocation");

    private static string Uri(JsonElement location) => Physical(location).GetProperty("artifactLocation").GetProperty("uri").GetString()!;

    private static (int Start, int? End) Lines(JsonElement location)
    {
        var region = Physical(location).GetProperty("region");
        return (region.GetProperty("startLine").GetInt32(), region.TryGetProperty("endLine", out var end) ? end.GetInt32() : null);
    }

    private static string Fingerprint(JsonElement result) =>
        result.GetProperty("partialFingerprints").GetProperty(SarifResults.FindingHash).GetString()!;

    /// <summary>SARIF plain text as a viewer shows it: <c>\[</c>, <c>\]</c> and <c>\\</c> unescaped (GitHub's CodeQL tools do the same).</summary>
    private static string Unescape(string text) => Regex.Replace(text, @"\\([\\\[\]])", "$1");

    [SkippableTheory]
    [InlineData("mixed live run")]
    [InlineData("run over infrastructure code")]
    [InlineData("run past the result limit")]
    public void The_report_is_valid_SARIF_2_1_0_by_the_OASIS_schema(string sample)
    {
        var document = sample switch
        {
            "mixed live run" => Text(SampleRuns.Mixed()),
            "run over infrastructure code" => Text(SampleRuns.Iac(), SarifSamples.Code),
            _ => Text(SarifSamples.Many(9), maxResults: 4),
        };

        var errors = SarifSchema.Errors(document);

        errors.ShouldBeEmpty($"the {sample} breaks the SARIF 2.1.0 schema:\n{string.Join('\n', errors)}");
    }

    [Fact]
    public void A_finding_on_code_points_at_the_file_and_lines_of_its_broken_link()
    {
        var finding = SampleRuns.IacFail;
        var broken = ChainLinks.Of(finding).Single(link => link.State == LinkState.Broken);
        var defined = finding.Locations!.Single(location => location.Link == broken.Resource);

        var primary = Run(SampleRuns.Iac(), SarifSamples.Code).GetProperty("results")[0].GetProperty("locations")[0];

        Uri(primary).ShouldBe(defined.File);
        Physical(primary).GetProperty("artifactLocation").GetProperty("uriBaseId").GetString().ShouldBe("%SRCROOT%");
        Lines(primary).ShouldBe((defined.StartLine!.Value, defined.EndLine));
    }

    [Fact]
    public void The_other_links_of_a_finding_on_code_are_related_locations_the_message_links_to()
    {
        var finding = SampleRuns.IacFail;
        var result = Run(SampleRuns.Iac(), SarifSamples.Code).GetProperty("results")[0];

        var related = result.GetProperty("relatedLocations").EnumerateArray().ToList();

        related.Select(location => (Uri(location), Lines(location))).ShouldBe(
            finding.Locations!.Take(2).Select(location => (location.File, (location.StartLine!.Value, location.EndLine))));
        related.Select(location => location.GetProperty("message").GetProperty("text").GetString()).ShouldBe(
            [$"trail {finding.Locations![0].Link} (held)", $"log group {finding.Locations[1].Link} (held)"]);
        foreach (var location in related)
        {
            Message(result).ShouldContain($"]({location.GetProperty("id").GetInt32()})");
        }
    }

    [Fact]
    public void A_broken_link_without_a_file_points_at_the_deepest_link_that_has_one()
    {
        var result = Run(RunResult.Of([SarifSamples.IacNoAlarm]), SarifSamples.Code).GetProperty("results")[0];

        Uri(result.GetProperty("locations")[0]).ShouldBe("infra/monitoring/filters.tf");
        result.GetProperty("relatedLocations").EnumerateArray().Select(Uri).ShouldBe(["infra/trail.tf"]);
        Message(result).ShouldContain("Broken link: the alarm.");
    }

    [Fact]
    public void A_finding_on_code_says_which_file_to_edit_and_has_no_command()
    {
        var message = Message(Run(SampleRuns.Iac(), SarifSamples.Code).GetProperty("results")[0]);

        message.ShouldContain("To fix, edit infra/monitoring/filters.tf, lines 3-13.");
        message.ShouldNotContain("tocsin remediate");
    }

    [Fact]
    public void A_live_finding_names_its_account_region_and_the_ARN_of_the_broken_link_in_a_logical_location()
    {
        var finding = SampleRuns.Hostile;
        var alarm = finding.Evidence.Chain.Single(entry => entry.Contains(":alarm:", StringComparison.Ordinal));

        var location = ResultOf(Run(SampleRuns.Mixed()), finding.AccountId).GetProperty("locations")[0];

        var logical = location.GetProperty("logicalLocations")[0];
        logical.GetProperty("name").GetString().ShouldBe(alarm);
        logical.GetProperty("kind").GetString().ShouldBe("resource");
        logical.GetProperty("fullyQualifiedName").GetString().ShouldBe($"{finding.AccountId}/{finding.Region}/{finding.ControlId}");
        location.GetProperty("properties").GetProperty("accountId").GetString().ShouldBe(finding.AccountId);
        location.GetProperty("properties").GetProperty("region").GetString().ShouldBe(finding.Region);
    }

    [Fact]
    public void A_live_finding_points_at_a_relative_stand_in_path_for_its_account_and_region()
    {
        var run = Run(SampleRuns.Mixed());

        Uri(ResultOf(run, "222222222222").GetProperty("locations")[0]).ShouldBe("aws/222222222222/us-east-1");
        Uri(ResultOf(run, "333333333333").GetProperty("locations")[0]).ShouldBe("aws/333333333333");
        Lines(ResultOf(run, "222222222222").GetProperty("locations")[0]).Start.ShouldBe(1);
    }

    [Fact]
    public void Fingerprints_stay_the_same_across_runs_at_different_times_and_with_different_wording()
    {
        var reworded = RunResult.Of([SampleRuns.Fail with { Message = "no subscriber has confirmed" }, SampleRuns.Hostile, SampleRuns.SuppressedError]);

        var morning = Results(Run(SampleRuns.Mixed())).Select(result => result.GetProperty("partialFingerprints").ToString());
        var nextDay = Results(Run(reworded, SarifSamples.Live with { GeneratedAt = SarifSamples.Morning.AddDays(1) }))
            .Select(result => result.GetProperty("partialFingerprints").ToString());

        nextDay.ShouldBe(morning);
    }

    [Fact]
    public void Fingerprints_differ_between_accounts_with_the_same_control_and_region()
    {
        var run = Run(RunResult.Of([SampleRuns.Fail, SarifSamples.FailElsewhere]));

        var here = ResultOf(run, SampleRuns.Fail.AccountId).GetProperty("partialFingerprints");
        var there = ResultOf(run, SarifSamples.FailElsewhere.AccountId).GetProperty("partialFingerprints");

        Fingerprint(ResultOf(run, SampleRuns.Fail.AccountId)).ShouldMatch("^[0-9a-f]{64}$");
        there.GetProperty(SarifResults.FindingHash).GetString().ShouldNotBe(here.GetProperty(SarifResults.FindingHash).GetString());
        there.GetProperty("primaryLocationLineHash").GetString().ShouldNotBe(here.GetProperty("primaryLocationLineHash").GetString());
    }

    [Fact]
    public void A_suppressed_finding_carries_the_exception_owner_reason_and_expiry()
    {
        var exception = SampleRuns.Exception;

        var suppression = ResultOf(Run(SampleRuns.Mixed()), "333333333333").GetProperty("suppressions").EnumerateArray().Single();

        suppression.GetProperty("kind").GetString().ShouldBe("external");
        suppression.GetProperty("status").GetString().ShouldBe("accepted");
        suppression.GetProperty("justification").GetString().ShouldBe(exception.Reason);
        var properties = suppression.GetProperty("properties");
        properties.GetProperty("owner").GetString().ShouldBe(exception.Owner);
        properties.GetProperty("expires").GetString().ShouldBe("2027-03-31");
        properties.GetProperty("source").GetString().ShouldBe($"{exception.File}:{exception.Line}");
        Uri(suppression.GetProperty("location")).ShouldBe(exception.File);
    }

    [Fact]
    public void Only_suppressed_findings_carry_a_suppression()
    {
        var run = Run(SampleRuns.Mixed());

        Results(run).Where(result => result.TryGetProperty("suppressions", out _))
            .Select(result => result.GetProperty("properties").GetProperty("accountId").GetString())
            .ShouldBe(["333333333333"]);
    }

    [Fact]
    public void Each_control_in_the_findings_is_one_rule_with_its_aliases_as_tags_and_a_security_severity_in_its_band()
    {
        var findings = SampleRuns.Mixed().Findings;

        var rules = Run(SampleRuns.Mixed()).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();

        rules.Select(rule => rule.GetProperty("id").GetString()).ShouldBe(
            findings.Select(finding => finding.ControlId).Distinct().Order(StringComparer.Ordinal));
        foreach (var rule in rules)
        {
            var control = ControlCatalog.Default.Find(rule.GetProperty("id").GetString()!)!;
            var properties = rule.GetProperty("properties");
            var tags = properties.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()).ToList();
            tags.ShouldContain("security");
            tags.ShouldBeSubsetOf(control.Aliases.Prepend("security"));
            control.Aliases.ShouldBeSubsetOf(tags);
            var score = double.Parse(properties.GetProperty("security-severity").GetString()!, CultureInfo.InvariantCulture);
            var (low, high) = control.Severity switch
            {
                Severity.Critical => (9.0, 10.0),
                Severity.High => (7.0, 8.9),
                Severity.Medium => (4.0, 6.9),
                _ => (0.1, 3.9),
            };
            score.ShouldBeInRange(low, high);
            rule.GetProperty("shortDescription").GetProperty("text").GetString().ShouldBe(control.Title);
            rule.GetProperty("fullDescription").GetProperty("text").GetString().ShouldBe(control.Rationale);
            rule.GetProperty("helpUri").GetString().ShouldBe(control.References.First(reference => reference.Url is not null).Url);
            rule.GetProperty("defaultConfiguration").GetProperty("level").GetString()
                .ShouldBe(control.Severity is Severity.Critical or Severity.High ? "error" : control.Severity == Severity.Medium ? "warning" : "note");
        }
    }

    [Fact]
    public void A_rule_s_help_names_what_the_chain_needs_and_the_remediation_defaults()
    {
        var control = ControlCatalog.Default.Find(SampleRuns.Seed)!;

        var help = Run(SampleRuns.Run()).GetProperty("tool").GetProperty("driver").GetProperty("rules")[0].GetProperty("help");

        foreach (var format in new[] { "text", "markdown" })
        {
            var text = help.GetProperty(format).GetString()!;
            text.ShouldContain($"tocsin remediate --controls {control.Id}");
            text.ShouldContain(control.Remediation.FilterName);
            text.ShouldContain(control.Remediation.Pattern);
            text.ShouldContain($"{control.Remediation.MetricNamespace}/{control.Remediation.MetricName}");
            text.ShouldContain(control.Remediation.AlarmName);
            text.ShouldContain("confirmed subscription");
        }
    }

    [Fact]
    public void Passing_findings_have_no_result_because_GitHub_alerts_on_every_result()
    {
        var run = Run(SampleRuns.Mixed());

        Results(run).Select(result => result.GetProperty("properties").GetProperty("outcome").GetString()).ShouldNotContain("pass");
        Results(run).Length.ShouldBe(SampleRuns.Mixed().Findings.Count(finding => finding.Outcome != Outcome.Pass));
        run.GetProperty("properties").GetProperty("summary").GetProperty("pass").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void A_failing_result_is_a_fail_at_its_control_s_level()
    {
        var result = ResultOf(Run(SampleRuns.Mixed()), "222222222222");

        result.GetProperty("kind").GetString().ShouldBe("fail");
        result.GetProperty("level").GetString().ShouldBe("error");
    }

    [Fact]
    public void A_finding_that_could_not_be_decided_is_a_review_that_says_why()
    {
        var result = ResultOf(Run(SampleRuns.Mixed()), "333333333333");

        result.GetProperty("kind").GetString().ShouldBe("review");

        // SARIF §3.27.10: a result whose kind is not "fail" has the level "none".
        result.GetProperty("level").GetString().ShouldBe("none");
        Message(result).ShouldStartWith("Could not be decided: could not read the account: sts:AssumeRole denied (access-denied).");
    }

    [Fact]
    public void A_failing_live_finding_ends_with_the_command_that_fixes_it()
    {
        var message = Message(ResultOf(Run(SampleRuns.Mixed()), "222222222222"));

        message.ShouldStartWith(SampleRuns.Fail.Message + ".");
        message.ShouldContain("Broken link: the subscription.");
        message.ShouldEndWith(" To fix, run: " + SarifSamples.Live.FixCommand(SampleRuns.Fail));
    }

    [Fact]
    public void A_failing_finding_s_remedy_steps_are_in_the_message_and_its_commands_in_the_properties()
    {
        var remedy = new Remedy(["Subscribe security@example.com to security-alarms", "Confirm the subscription"], "aws sns subscribe --topic-arn arn");
        var context = SarifSamples.Live with { Remedies = finding => finding.AccountId == "222222222222" ? remedy : null };

        var result = ResultOf(Run(SampleRuns.Mixed(), context), "222222222222");

        Message(result).ShouldContain("Steps: 1. Subscribe security@example.com to security-alarms 2. Confirm the subscription.");
        result.GetProperty("properties").GetProperty("remedy").GetProperty("commands").GetString().ShouldBe(remedy.Commands);
    }

    [Fact]
    public void Hostile_names_stay_intact_as_JSON_string_data()
    {
        var text = Text(SampleRuns.Mixed());

        var result = ResultOf(JsonDocument.Parse(text).RootElement.GetProperty("runs")[0], SampleRuns.Hostile.AccountId);

        Message(result).ShouldStartWith(SampleRuns.Hostile.Message + ".");
        result.GetProperty("properties").GetProperty("chain").EnumerateArray()
            .Select(link => link.TryGetProperty("resource", out var resource) ? resource.GetString() : null)
            .ShouldContain(SampleRuns.Hostile.Evidence.Chain[1]);
        text.ShouldContain("log-group:=HYPERLINK(\\\"http://x\\\")");
    }

    [Fact]
    public void A_name_that_looks_like_an_embedded_link_or_a_JSON_breakout_is_escaped_and_reads_back_unchanged()
    {
        var lookalike = SarifSamples.LinkLookalike;

        var message = Message(ResultOf(Run(RunResult.Of([lookalike])), lookalike.AccountId));

        message.ShouldNotContain("[click](1)");
        Unescape(message).ShouldStartWith(lookalike.Message + ".");
    }

    [Fact]
    public void The_run_is_categorised_by_what_was_read()
    {
        string Category(ReportSource source) =>
            Run(SampleRuns.Run(), new ReportContext(SarifSamples.Morning, source)).GetProperty("automationDetails").GetProperty("id").GetString()!;

        Category(ReportSource.Live).ShouldBe("tocsin/live/");
        Category(ReportSource.Snapshot).ShouldBe("tocsin/snapshot/");
        Category(ReportSource.InfrastructureCode).ShouldBe("tocsin/iac/");
    }

    [Fact]
    public void The_invocation_is_stamped_with_the_run_s_time_and_reports_expired_exceptions()
    {
        var expired = SampleRuns.ExpiredException;

        var invocation = Run(SampleRuns.Mixed(), SarifSamples.Live with { GeneratedAt = new DateTimeOffset(2026, 12, 6, 10, 30, 0, TimeSpan.FromHours(1)) })
            .GetProperty("invocations")[0];

        invocation.GetProperty("executionSuccessful").GetBoolean().ShouldBeTrue();
        invocation.GetProperty("endTimeUtc").GetString().ShouldBe("2026-12-06T09:30:00.000Z");
        var notification = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().Single();
        notification.GetProperty("level").GetString().ShouldBe("warning");
        notification.GetProperty("message").GetProperty("text").GetString().ShouldBe(
            $"Expired exception {expired.File}:{expired.Line}: {expired.Control} for 111111111111, owner {expired.Owner}, expired 2026-01-31; it suppresses nothing.");
        Lines(notification.GetProperty("locations")[0]).ShouldBe((expired.Line, expired.Line));
        notification.GetProperty("associatedRule").GetProperty("id").GetString().ShouldBe(expired.Control);
    }

    [Fact]
    public void Past_GitHub_s_result_limit_the_most_severe_open_results_are_kept_and_the_run_says_how_many_were_left_out()
    {
        var run = Run(SarifSamples.Many(9), maxResults: 4);

        var kept = Results(run).Select(result => result.GetProperty("ruleId").GetString()).ToList();

        kept.Count.ShouldBe(4);
        kept.Count(rule => rule == SampleRuns.Seed).ShouldBe(3);
        Results(run).Count(result => result.TryGetProperty("suppressions", out _)).ShouldBe(0);
        run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString()
            .ShouldStartWith("5 less severe results were left out");
    }

    [Fact]
    public void A_file_path_becomes_a_URI_reference_with_forward_slashes_and_encoded_segments()
    {
        SarifLocations.FileUri(@"infra\my stack\main.tf").ShouldBe(("infra/my%20stack/main.tf", true));
        SarifLocations.FileUri("./infra/main.tf").ShouldBe(("infra/main.tf", true));
        SarifLocations.FileUri("/srv/checkout/main.tf").ShouldBe(("file:///srv/checkout/main.tf", false));
        SarifLocations.FileUri(@"C:\repo\main.tf").ShouldBe(("file:///C:/repo/main.tf", false));
    }

    /// <summary>
    /// What GitHub code scanning requires of an upload (docs.github.com, "SARIF support for code scanning"), or it
    /// rejects the file or drops the alert: the schema and version; a tool name and rules whose id, short and full
    /// description and help text are not empty; for each result a message, at least one location with a physical
    /// artifact URI and a start line of at least 1 ("locationFromSarifResult: expected at least one location"
    /// rejects the whole upload), a rule id that the rules define, and partialFingerprints with primaryLocationLineHash;
    /// at most 20 tags per rule and 25,000 results per run.
    /// </summary>
    [Fact]
    public void Every_result_meets_what_GitHub_code_scanning_requires()
    {
        var documents = new[]
        {
            Text(SampleRuns.Mixed()),
            Text(SampleRuns.Iac(), SarifSamples.Code),
            Text(RunResult.Of([SarifSamples.IacNoAlarm, SarifSamples.LinkLookalike])),
        };

        foreach (var document in documents)
        {
            var root = JsonDocument.Parse(document).RootElement;
            root.GetProperty("$schema").GetString().ShouldBe("https://json.schemastore.org/sarif-2.1.0.json");
            root.GetProperty("version").GetString().ShouldBe("2.1.0");
            foreach (var run in root.GetProperty("runs").EnumerateArray())
            {
                var driver = run.GetProperty("tool").GetProperty("driver");
                driver.GetProperty("name").GetString().ShouldBe("Tocsin");
                var rules = driver.GetProperty("rules").EnumerateArray().ToList();
                foreach (var rule in rules)
                {
                    rule.GetProperty("id").GetString().ShouldNotBeNullOrWhiteSpace();
                    rule.GetProperty("shortDescription").GetProperty("text").GetString()!.Length.ShouldBeInRange(1, 1024);
                    rule.GetProperty("fullDescription").GetProperty("text").GetString()!.Length.ShouldBeInRange(1, 1024);
                    rule.GetProperty("help").GetProperty("text").GetString().ShouldNotBeNullOrWhiteSpace();
                    rule.GetProperty("properties").GetProperty("tags").GetArrayLength().ShouldBeLessThanOrEqualTo(20);
                }

                var results = Results(run);
                results.Length.ShouldBeLessThanOrEqualTo(25_000);
                foreach (var result in results)
                {
                    Message(result).ShouldNotBeNullOrWhiteSpace();
                    var ruleId = result.GetProperty("ruleId").GetString();
                    rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString().ShouldBe(ruleId);
                    var locations = result.GetProperty("locations").EnumerateArray().ToList();
                    locations.ShouldNotBeEmpty();
                    foreach (var location in locations.Concat(result.TryGetProperty("relatedLocations", out var related) ? related.EnumerateArray() : []))
                    {
                        Uri(location).ShouldNotBeNullOrWhiteSpace();
                        Lines(location).Start.ShouldBeGreaterThanOrEqualTo(1);
                    }

                    result.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString()!.ShouldMatch("^[0-9a-f]{16}:1$");
                }
            }
        }
    }
}
