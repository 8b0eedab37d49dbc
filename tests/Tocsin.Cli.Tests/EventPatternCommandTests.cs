namespace Tocsin.Cli.Tests;

/// <summary><c>tocsin pattern test|verdict --language eventbridge</c>.</summary>
public class EventPatternCommandTests
{
    private const string NoMfa = """{"source": ["aws.signin"], "detail-type": ["AWS Console Sign In via CloudTrail"], "detail": {"eventName": ["ConsoleLogin"], "additionalEventData": {"MFAUsed": [{"anything-but": "Yes"}]}}}""";

    private static string SignIn(string mfa) =>
        """{"source":"aws.signin","detail-type":"AWS Console Sign In via CloudTrail","detail":{"eventName":"ConsoleLogin","additionalEventData":{"MFAUsed":"MFA"}}}""".Replace("MFA\"", mfa + "\"", StringComparison.Ordinal);

    [Fact]
    public void Test_matches_an_event_pattern_against_json_events_given_as_text()
    {
        var run = CliRun.Of("pattern", "test", "--language", "eventbridge", NoMfa, "--event", SignIn("No"), "--event", SignIn("Yes"));

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldBe($"event 1: matches{Environment.NewLine}event 2: no match{Environment.NewLine}");
    }

    [Fact]
    public void Test_reads_a_multi_line_event_from_a_file()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, SignIn("No").Replace(",", ",\n", StringComparison.Ordinal));

        var run = CliRun.Of("pattern", "test", "--language", "eventbridge", NoMfa, "--event", file, "--format", "json");

        run.Out.ShouldBe("""{"event":1,"matches":true}""" + Environment.NewLine);
        File.Delete(file);
    }

    [Fact]
    public void Test_counts_the_matching_events_of_a_file_of_one_event_per_line()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, [SignIn("No"), SignIn("Yes"), "not json", SignIn("No")]);

        var run = CliRun.Of("pattern", "test", "--language", "eventbridge", NoMfa, "--events", file, "--count");

        run.Out.ShouldBe($"2 of 4 events match{Environment.NewLine}");
        File.Delete(file);
    }

    [Fact]
    public void A_refused_event_pattern_is_pointed_at_and_exits_2_without_a_stack_trace()
    {
        var run = CliRun.Of("pattern", "test", "--language", "eventbridge", "{\n  \"source\": \"aws.signin\"\n}", "--event", "{}");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith(
            "invalid event pattern: the value of \"source\" must be an object or an array; put a single value in brackets, as [\"aws.signin\"] (line 2, column 13)"
            + Environment.NewLine + "  \"source\": \"aws.signin\"" + Environment.NewLine + "            ^");
        run.Error.ShouldNotContain("   at ");
    }

    [Fact]
    public void Verdict_judges_an_event_pattern_like_a_filter_pattern()
    {
        var run = CliRun.Of("pattern", "verdict", "--language", "eventbridge", """{"source": ["aws.signin"], "detail-type": ["AWS Console Sign In via CloudTrail"]}""", "--control", "console-signin-without-mfa");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldBe($"broader: also alerts on iam-user-mfa, mfa-field-missing, other-sign-in-event, root-mfa{Environment.NewLine}");
    }

    [Fact]
    public void Verdict_in_json_names_a_rule_on_api_calls_as_never_firing()
    {
        var run = CliRun.Of("pattern", "verdict", "--language", "eventbridge", """{"detail-type": ["AWS API Call via CloudTrail"], "detail": {"eventName": ["ConsoleLogin"]}}""", "--control", "console-signin-without-mfa", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("\"verdict\": \"never-fires\"");
    }

    [Fact]
    public void The_default_language_is_still_the_filter_pattern_language()
    {
        var run = CliRun.Of("pattern", "test", "{ $.source = \"aws.signin\" }", "--event", """{"source":"aws.signin"}""");

        run.Out.ShouldBe($"event 1: matches  $.source=aws.signin{Environment.NewLine}");
    }
}
