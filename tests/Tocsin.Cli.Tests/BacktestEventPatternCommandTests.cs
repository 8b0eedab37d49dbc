using System.Text.Json;

namespace Tocsin.Cli.Tests;

/// <summary><c>tocsin backtest --event-pattern FILE</c>: an EventBridge rule's pattern replayed beside the filter patterns.</summary>
public sealed class BacktestEventPatternCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tocsin-backtest-rule-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string SignIn(string type, string mfa, string time, string eventName = "ConsoleLogin") =>
        $$"""{"userIdentity":{"type":"{{type}}","arn":"arn:aws:iam::111111111111:{{(type == "Root" ? "root" : "user/alice")}}","accountId":"111111111111"},"eventTime":"{{time}}","eventSource":"signin.amazonaws.com","eventName":"{{eventName}}","awsRegion":"us-east-1","sourceIPAddress":"203.0.113.9","responseElements":{"{{eventName}}":"Success"},"additionalEventData":{"MFAUsed":"{{mfa}}"},"eventType":"AwsConsoleSignIn","recipientAccountId":"111111111111"}""";

    private string Write(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private string History() => Write("history.jsonl",
        SignIn("IAMUser", "No", "2026-10-04T09:01:00Z"),
        SignIn("IAMUser", "Yes", "2026-10-04T09:03:00Z"),
        SignIn("Root", "No", "2026-10-04T09:12:00Z"),
        SignIn("IAMUser", "No", "2026-10-04T09:21:00Z", eventName: "CheckMfa"),
        """{"eventSource":"iam.amazonaws.com","eventName":"CreateUser","eventType":"AwsApiCall","eventTime":"2026-10-04T09:13:00Z","recipientAccountId":"111111111111","additionalEventData":{"MFAUsed":"No"}}""");

    private string Rule() => Write("signin-rule.json", """
        {
          "source": ["aws.signin"],
          "detail-type": ["AWS Console Sign In via CloudTrail"],
          "detail": { "additionalEventData": { "MFAUsed": [{ "anything-but": "Yes" }] } }
        }
        """);

    [Fact]
    public void The_JSON_report_shows_the_rule_beside_the_filter_patterns_with_its_events_alarm_periods_and_populations()
    {
        var run = CliRun.Of("backtest", History(), "--controls", "console-signin-without-mfa", "--event-pattern", Rule(), "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var report = JsonDocument.Parse(run.Out);
        var rule = report.RootElement.GetProperty("controls")[0].GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "event pattern 1");
        rule.GetProperty("language").GetString().ShouldBe("eventbridge");
        rule.GetProperty("matchingEvents").GetInt64().ShouldBe(3);
        rule.GetProperty("alarmPeriods").GetInt32().ShouldBe(3);
        rule.GetProperty("populations").GetProperty("iam-user-no-mfa").GetInt64().ShouldBe(1);
        rule.GetProperty("populations").GetProperty("root-no-mfa").GetInt64().ShouldBe(1);
        rule.GetProperty("missed").EnumerateObject().ShouldBeEmpty();
    }

    [Fact]
    public void The_text_report_lists_the_rule_in_the_control_s_table_with_its_populations()
    {
        var run = CliRun.Of("backtest", History(), "--controls", "console-signin-without-mfa", "--event-pattern", Rule());

        run.ExitCode.ShouldBe(0, run.Error);
        var text = string.Join(' ', run.Out.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        text.ShouldContain("event pattern 1 custom 3 3 3");
        text.ShouldContain("event pattern 1 by population: iam-user-no-mfa 1, root-no-mfa 1");
    }

    [Fact]
    public void A_rule_file_EventBridge_would_refuse_is_named_with_its_line_and_column_and_exits_2()
    {
        var bad = Write("bad-rule.json", "{", "  \"source\": \"aws.signin\"", "}");

        var run = CliRun.Of("backtest", History(), "--event-pattern", bad);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"--event-pattern {bad}:2:13: EventBridge would refuse the pattern: the value of \"source\" must be an object or an array; put a single value in brackets, as [\"aws.signin\"]");
        run.Error.ShouldContain("  \"source\": \"aws.signin\"\n            ^");
    }

    [Fact]
    public void Emit_sql_with_an_event_pattern_is_refused_in_words()
    {
        var run = CliRun.Of("backtest", "--emit-sql", "duckdb", "--event-pattern", Rule());

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--emit-sql cannot ask a query engine about --event-pattern");
        run.Out.ShouldBeEmpty();
    }
}
