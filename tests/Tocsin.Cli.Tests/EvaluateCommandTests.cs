using System.Text.Json;

namespace Tocsin.Cli.Tests;

public class EvaluateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tocsin-evaluate-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static CliRun Evaluate(string fixture, params string[] flags) =>
        CliRun.Of(["evaluate", RepositoryFiles.Snapshot(fixture), "--controls", "console-signin-without-mfa", .. flags]);

    private string File(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void A_passing_snapshot_exits_0_with_a_heading_per_account_and_a_row_per_control()
    {
        var run = Evaluate("good");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("Account 111111111111: 1 pass, 0 fail, 0 error, 0 suppressed");
        run.Out.ShouldContain("console-signin-without-mfa   high       us-east-1   PASS");
        run.Out.ShouldContain("1 account, 1 control: 1 pass, 0 fail, 0 error, 0 suppressed");
    }

    [Fact]
    public void A_broken_link_exits_1_and_names_the_link_in_words()
    {
        var run = Evaluate("no-confirmed-subscription");

        run.ExitCode.ShouldBe(1);
        // The finding wraps inside its cell; the other cells of its continuation lines are blank.
        string.Join(' ', run.Out.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            .ShouldContain("topic security-alarms has no confirmed subscription (1 pending confirmation)");
    }

    [Fact]
    public void Json_output_follows_the_finding_contract()
    {
        var run = Evaluate("alarm-metric-mismatch", "--format", "json");

        using var json = JsonDocument.Parse(run.Out);
        var finding = json.RootElement.GetProperty("findings")[0];
        finding.GetProperty("controlId").GetString().ShouldBe("console-signin-without-mfa");
        finding.GetProperty("accountId").GetString().ShouldBe("111111111111");
        finding.GetProperty("region").GetString().ShouldBe("us-east-1");
        finding.GetProperty("outcome").GetString().ShouldBe("fail");
        finding.GetProperty("suppressed").GetBoolean().ShouldBeFalse();
        finding.GetProperty("reasons")[0].GetString().ShouldBe("alarm-metric-mismatch");
        finding.GetProperty("verdict").GetString().ShouldBe("equivalent");
        finding.GetProperty("evidence").GetProperty("chain")[0].GetString()!.ShouldStartWith("arn:aws:cloudtrail:");
    }

    [Fact]
    public void Fail_on_error_ignores_failures_but_not_errors()
    {
        Evaluate("no-alarm", "--fail-on", "error").ExitCode.ShouldBe(0);
        Evaluate("access-denied-alarms", "--fail-on", "error").ExitCode.ShouldBe(1);
        Evaluate("access-denied-alarms", "--fail-on", "never").ExitCode.ShouldBe(0);
    }

    [Fact]
    public void An_active_exception_suppresses_the_finding_and_the_exit_code_follows()
    {
        var exceptions = File("exceptions.yaml", """
            exceptions:
              - control: cis-aws-1.2:3.2
                accounts: ["111111111111"]
                owner: security@example.com
                reason: Alerts go to the SIEM instead
                expires: 2099-12-31
            """);

        var run = Evaluate("no-alarm", "--exceptions", exceptions, "--format", "json");

        run.ExitCode.ShouldBe(0);
        JsonDocument.Parse(run.Out).RootElement.GetProperty("findings")[0].GetProperty("suppressed").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public void An_expired_exception_suppresses_nothing_and_is_listed()
    {
        var exceptions = File("exceptions.yaml", """
            exceptions:
              - control: console-signin-without-mfa
                accounts: ["111111111111"]
                owner: security@example.com
                reason: Temporary
                expires: 2020-01-31
            """);

        var run = Evaluate("no-alarm", "--exceptions", exceptions);

        run.ExitCode.ShouldBe(1);
        run.Out.ShouldContain("Expired exception " + exceptions + ":2");
    }

    [Fact]
    public void A_malformed_exceptions_file_is_refused_with_line_and_column()
    {
        var exceptions = File("exceptions.yaml", "exceptions:\n  - control: console-signin-without-mfa\n    owner: [unclosed\n");

        var run = Evaluate("good", "--exceptions", exceptions);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith(exceptions + ":");
    }

    [Fact]
    public void A_foreign_snapshot_is_refused_with_the_path_of_the_first_bad_field()
    {
        var snapshot = File("snapshot.json", """{"schemaVersion": 1, "accounts": [{"id": 42}]}""");

        var run = CliRun.Of("evaluate", snapshot);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldStartWith(snapshot + ": $.accounts[0]");
    }

    [Fact]
    public void Literal_mode_passes_what_the_checkers_regex_passes()
    {
        Evaluate("pattern-insufficient").ExitCode.ShouldBe(1);
        Evaluate("pattern-insufficient", "--mode", "literal").ExitCode.ShouldBe(0);
    }
}
