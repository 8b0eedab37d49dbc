using System.Text.Json;

namespace Tocsin.Cli.Tests;

/// <summary><c>tocsin backtest</c> from the command line, on history written by the test.</summary>
public sealed class BacktestCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tocsin-backtest-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string SignIn(string type, string mfa, string time, string account = "111111111111", string ip = "203.0.113.9") =>
        $$"""{"userIdentity":{"type":"{{type}}","arn":"arn:aws:iam::{{account}}:{{(type == "Root" ? "root" : "user/alice")}}","accountId":"{{account}}"},"eventTime":"{{time}}","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-1","sourceIPAddress":"{{ip}}","responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"MFAUsed":"{{mfa}}"},"eventType":"AwsConsoleSignIn","recipientAccountId":"{{account}}"}""";

    private string History()
    {
        var path = Path.Combine(_folder, "history.jsonl");
        File.WriteAllLines(path,
        [
            SignIn("IAMUser", "No", "2026-10-04T09:01:00Z"),
            SignIn("IAMUser", "No", "2026-10-04T09:02:00Z"),
            SignIn("IAMUser", "Yes", "2026-10-04T09:03:00Z"),
            SignIn("Root", "No", "2026-10-04T09:12:00Z", ip: "203.0.113.7"),
            """{"eventName":"DescribeInstances","eventTime":"2026-10-04T09:13:00Z","recipientAccountId":"111111111111"}""",
        ]);
        return path;
    }

    [Fact]
    public void The_text_report_says_what_the_strict_variant_would_have_missed_and_when()
    {
        var run = CliRun.Of("backtest", History(), "--controls", "console-signin-without-mfa");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("Read 5 events in 1 file");
        run.Out.ShouldContain("console-signin-without-mfa: Alarm on Management Console sign-in without MFA");
        // Long sentences wrap at the terminal's width: read them as one line.
        string.Join(' ', run.Out.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            .ShouldContain("cis-strict would have cut 2 alarm periods to 1 and missed 1 root-no-mfa event, the last on 2026-10-04 09:12 UTC from 203.0.113.7");
    }

    [Fact]
    public void The_JSON_report_has_per_control_events_alarm_periods_populations_and_variants()
    {
        var run = CliRun.Of("backtest", History(), "--controls", "console-signin-without-mfa", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var report = JsonDocument.Parse(run.Out);
        var root = report.RootElement;
        root.GetProperty("files").GetInt32().ShouldBe(1);
        root.GetProperty("events").GetInt64().ShouldBe(5);
        root.GetProperty("badRecords").GetInt64().ShouldBe(0);
        var control = root.GetProperty("controls")[0];
        control.GetProperty("controlId").GetString().ShouldBe("console-signin-without-mfa");
        control.GetProperty("matchingEvents").GetInt64().ShouldBe(3);
        control.GetProperty("alarmPeriods").GetInt32().ShouldBe(2);
        control.GetProperty("populations").GetProperty("iam-user-no-mfa").GetInt64().ShouldBe(2);
        control.GetProperty("populations").GetProperty("root-no-mfa").GetInt64().ShouldBe(1);
        var strict = control.GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("name").GetString() == "cis-strict");
        strict.GetProperty("missed").GetProperty("root-no-mfa").GetProperty("lastSourceIp").GetString().ShouldBe("203.0.113.7");
    }

    [Fact]
    public void With_a_snapshot_each_deployed_pattern_is_replayed_beside_the_catalog_s()
    {
        var run = CliRun.Of("backtest", History(), "--controls", "console-signin-without-mfa", "--snapshot", RepositoryFiles.Snapshot("good"), "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        using var report = JsonDocument.Parse(run.Out);
        var deployed = report.RootElement.GetProperty("controls")[0].GetProperty("variants").EnumerateArray().Single(v => v.GetProperty("kind").GetString() == "deployed");
        deployed.GetProperty("name").GetString().ShouldBe("deployed in 111111111111");
        deployed.GetProperty("matchingEvents").GetInt64().ShouldBe(3);
    }

    [Theory]
    [InlineData("--period", "45", "--period: 45 is not a CloudWatch alarm period")]
    [InlineData("--from", "yesterday", "--from: `yesterday` is not a time")]
    [InlineData("--pattern", "{ $.a = ", "pattern 1 of console-signin-without-mfa: CloudWatch Logs would refuse the pattern")]
    public void A_bad_flag_is_refused_with_exit_2(string flag, string value, string message)
    {
        var run = CliRun.Of("backtest", History(), "--controls", "console-signin-without-mfa", flag, value);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(message);
    }

    [Fact]
    public void A_folder_without_CloudTrail_logs_exits_2_saying_there_was_nothing_to_replay()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_folder, "empty")).FullName;

        var run = CliRun.Of("backtest", empty);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("nothing to replay");
    }

    [Fact]
    public void The_HTML_report_is_one_page_with_a_chart_per_control()
    {
        var page = Path.Combine(_folder, "backtest.html");

        var run = CliRun.Of("backtest", History(), "--controls", "console-signin-without-mfa", "--format", "html", "--output", page);

        run.ExitCode.ShouldBe(0, run.Error);
        var html = File.ReadAllText(page);
        html.ShouldStartWith("<!doctype html>");
        html.ShouldContain("console-signin-without-mfa");
        html.ShouldContain("<svg");
    }

    [Fact]
    public void The_JSON_report_written_to_a_file_is_the_report_printed_on_standard_output()
    {
        var file = Path.Combine(_folder, "backtest.json");
        var history = History();

        var printed = CliRun.Of("backtest", history, "--controls", "console-signin-without-mfa", "--format", "json");
        var written = CliRun.Of("backtest", history, "--controls", "console-signin-without-mfa", "--format", "json", "--output", file);

        written.ExitCode.ShouldBe(0, written.Error);
        written.Out.ShouldBeEmpty();
        var bytes = File.ReadAllBytes(file);
        bytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF }); // no byte order mark: JSON as tools read it
        Seconds(System.Text.Encoding.UTF8.GetString(bytes)).ShouldBe(Seconds(printed.Out));
        System.Text.Json.JsonDocument.Parse(bytes).RootElement.GetProperty("controls")[0].GetProperty("controlId").GetString().ShouldBe("console-signin-without-mfa");

        // how long reading took is the one figure two runs may differ in
        static string Seconds(string report) => System.Text.RegularExpressions.Regex.Replace(report, "\"seconds\": [0-9.eE+-]+", "\"seconds\": 0");
    }

    [Fact]
    public void Emit_sql_prints_one_query_for_the_engine_and_reads_no_logs()
    {
        var run = CliRun.Of("backtest", "--emit-sql", "duckdb", "--controls", "console-signin-without-mfa");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldStartWith("SELECT pattern, period_start");
        run.Out.ShouldContain("'console-signin-without-mfa/cis'");
        run.Out.ShouldContain("FROM trail");
    }

    [Fact]
    public void Emit_sql_names_each_pattern_the_engine_cannot_express_exactly_and_leaves_it_out()
    {
        var run = CliRun.Of("backtest", "--emit-sql", "athena", "--controls", "console-signin-without-mfa,root-account-usage");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldContain("left out root-account-usage/cis: Athena cannot express the pattern");
        run.Out.ShouldNotContain("root-account-usage");
        CliRun.Of("backtest", "--emit-sql", "athena", "--controls", "root-account-usage").ExitCode.ShouldBe(2);
        CliRun.Of("backtest", "--emit-sql", "cloudtrail-lake").Error.ShouldContain("needs --table EVENT_DATA_STORE_ID");
    }
}
