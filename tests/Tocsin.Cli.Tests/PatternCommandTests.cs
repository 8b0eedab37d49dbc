namespace Tocsin.Cli.Tests;

public class PatternCommandTests
{
    private const string Seed = """{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }""";

    [Fact]
    public void Conformance_passes_every_case_of_the_shared_suite()
    {
        var run = CliRun.Of("pattern", "conformance", RepositoryFiles.ConformanceCases);

        run.ExitCode.ShouldBe(0, run.Out);
        run.Out.ShouldEndWith(" passed, 0 failed" + Environment.NewLine);
    }

    [Fact]
    public void Conformance_reports_each_failing_case_and_exits_1()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file,
        [
            """{"id":"right","pattern":"ERROR","event":"an ERROR here","matches":true}""",
            """{"id":"wrong","pattern":"ERROR","event":"all good","matches":true}""",
        ]);

        var run = CliRun.Of("pattern", "conformance", file);

        run.ExitCode.ShouldBe(1);
        run.Out.ShouldBe($"FAIL wrong (line 2): expected a match, but the event did not match{Environment.NewLine}1 passed, 1 failed{Environment.NewLine}");
        File.Delete(file);
    }

    [Fact]
    public void A_malformed_conformance_file_is_refused_with_the_line_and_exit_2()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["""{"id":"a","pattern":"x","event":"x","matches":true}""", "not json"]);

        var run = CliRun.Of("pattern", "conformance", file);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith($"{file}:2: not a JSON object");
        File.Delete(file);
    }

    [Fact]
    public void Test_reports_each_event_as_json_lines()
    {
        var run = CliRun.Of("pattern", "test", Seed, "--format", "json",
            "--event", """{"eventName":"ConsoleLogin","additionalEventData":{"MFAUsed":"No"}}""",
            "--event", """{"eventName":"ConsoleLogin","additionalEventData":{"MFAUsed":"Yes"}}""");

        run.ExitCode.ShouldBe(0);
        var lines = run.Out.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(2);
        lines[0].ShouldStartWith("""{"event":1,"matches":true""");
        lines[1].ShouldStartWith("""{"event":2,"matches":false""");
    }

    [Fact]
    public void Test_reads_events_from_a_file_one_per_line()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["[ERROR] disk full", "[INFO] fine"]);

        var run = CliRun.Of("pattern", "test", "ERROR", "--events", file);

        run.Out.ShouldBe($"event 1: matches{Environment.NewLine}event 2: no match{Environment.NewLine}");
        File.Delete(file);
    }

    [Fact]
    public void Count_prints_how_many_events_of_a_file_match()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["[ERROR] disk full", "[INFO] fine", "", "[ERROR] again\r"]);

        var run = CliRun.Of("pattern", "test", "ERROR", "--events", file, "--count");

        run.Out.ShouldBe($"2 of 3 events match{Environment.NewLine}");
        CliRun.Of("pattern", "test", "ERROR", "--events", file, "--count", "--format", "json").Out.Trim().ShouldBe("""{"events":3,"matches":2}""");
        File.Delete(file);
    }

    [Fact]
    public void Matches_only_prints_the_matching_events_with_their_numbers()
    {
        var file = Path.GetTempFileName();
        File.WriteAllLines(file, ["[ERROR] disk full", "[INFO] fine", "[ERROR] again"]);

        var run = CliRun.Of("pattern", "test", "ERROR", "--events", file, "--matches-only");

        run.Out.ShouldBe($"event 1: matches{Environment.NewLine}event 3: matches{Environment.NewLine}");
        File.Delete(file);
    }

    [Fact]
    public void A_file_is_streamed_so_events_longer_than_the_read_buffer_and_split_across_reads_are_whole()
    {
        var file = Path.GetTempFileName();
        var big = "{\"eventName\": \"ConsoleLogin\", \"padding\": \"" + new string('x', 3 << 20) + "\"}";
        File.WriteAllLines(file, [.. Enumerable.Repeat("{\"eventName\": \"Other\"}", 50_000), big, big, "{\"eventName\": \"ConsoleLogin\"}"]);

        var run = CliRun.Of("pattern", "test", "{ $.eventName = \"ConsoleLogin\" }", "--events", file, "--count");

        run.Out.Trim().ShouldBe("3 of 50003 events match");
        File.Delete(file);
    }

    [Theory]
    [InlineData("", "the pattern is empty (CloudWatch Logs would match every event with it); give a filter pattern")]
    [InlineData("{ $.a = ", "invalid filter pattern: expected `}` at column 8: a pattern that starts with `{` must end with `}`")]
    [InlineData("\u0000\u0001garbage\u00ff", "invalid filter pattern: invalid character(s) in term '\\u0000\\u0001garbageÿ' at column 1: quote a term that contains anything but letters, digits and `_`")]
    public void A_bad_pattern_gets_a_clear_message_and_exit_2(string pattern, string message)
    {
        var run = CliRun.Of("pattern", "test", pattern, "--event", "x");

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe(message);
    }

    [Fact]
    public void A_one_megabyte_pattern_is_refused_without_a_stack_trace()
    {
        var run = CliRun.Of("pattern", "test", new string('{', 1 << 20), "--event", "x");

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe("invalid filter pattern: the pattern is 1048576 characters long; CloudWatch Logs accepts at most 1024");
    }

    [Fact]
    public void Deeply_nested_parentheses_are_refused_with_exit_2()
    {
        var run = CliRun.Of("pattern", "test", "{ " + new string('(', 500) + "$.a = 1" + new string(')', 500) + " }", "--event", "x");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("parentheses nested more than 64 deep");
    }

    [Fact]
    public void A_missing_events_file_is_a_usage_error()
    {
        var run = CliRun.Of("pattern", "test", "ERROR", "--events", "/nonexistent/events.txt");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith("/nonexistent/events.txt: cannot read the file");
    }
}

public class PatternArgumentTests
{
    [Fact]
    public void A_pattern_that_starts_with_a_dash_is_given_after_the_double_dash()
    {
        var run = CliRun.Of("pattern", "test", "--event", "disk ERROR", "--event", "all fine", "--", "-ERROR");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldBe($"event 1: no match{Environment.NewLine}event 2: matches{Environment.NewLine}");
    }
}
