using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Tocsin.Cli.Tests;

/// <summary><c>tocsin history</c>, <c>diff</c> and <c>report</c> over the runs that <c>evaluate</c> records.</summary>
public sealed class HistoryCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tocsin-history-").FullName;

    private string Store => Path.Combine(_folder, "runs.db");

    /// <summary>The snapshot the runs evaluate: one path whose content the tests change between runs, as an account changes between scans.</summary>
    private string Account => Path.Combine(_folder, "account.json");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private CliRun EvaluateAs(string fixture, params string[] flags)
    {
        File.Copy(RepositoryFiles.Snapshot(fixture), Account, overwrite: true);
        return CliRun.Of(["evaluate", Account, "--controls", "console-signin-without-mfa", "--store", Store, .. flags]);
    }

    private CliRun Run(params string[] args) => CliRun.Of([.. args, "--store", Store]);

    [Fact]
    public void Evaluate_records_its_run_and_says_where()
    {
        var run = EvaluateAs("good");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Error.ShouldContain($"in {Store}.");
        var runs = Run("history", "--runs");
        runs.Out.ShouldContain("evaluate");
        runs.Out.ShouldContain($"snapshot {Account}");
    }

    [Fact]
    public async Task No_store_records_nothing_even_where_TOCSIN_STORE_names_a_store()
    {
        File.Copy(RepositoryFiles.Snapshot("good"), Account);
        var environment = new Dictionary<string, string> { ["TOCSIN_STORE"] = Store };

        (await BuiltCli.RunAsync(BuiltCli.Dotnet, [BuiltCli.Dll, "evaluate", Account, "--controls", "console-signin-without-mfa", "--no-store"], environment: environment)).ExitCode.ShouldBe(0);
        File.Exists(Store).ShouldBeFalse();
        (await BuiltCli.RunAsync(BuiltCli.Dotnet, [BuiltCli.Dll, "evaluate", Account, "--controls", "console-signin-without-mfa"], environment: environment)).ExitCode.ShouldBe(0);
        File.Exists(Store).ShouldBeTrue();
    }

    [Fact]
    public async Task A_default_store_that_cannot_be_made_costs_only_the_record_and_the_run_says_so()
    {
        File.Copy(RepositoryFiles.Snapshot("good"), Account);
        var environment = new Dictionary<string, string> { ["TOCSIN_STORE"] = "", ["XDG_DATA_HOME"] = "/proc/no-such-folder", ["HOME"] = "/proc/no-such-home" };

        var run = await BuiltCli.RunAsync(BuiltCli.Dotnet, [BuiltCli.Dll, "evaluate", Account, "--controls", "console-signin-without-mfa"], environment: environment);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("1 pass, 0 fail");
        run.Error.ShouldContain("this run is not recorded: the store at /proc/no-such-folder/tocsin/tocsin.db cannot be used");
    }

    [Fact]
    public void A_store_and_no_store_at_once_is_a_usage_error()
    {
        EvaluateAs("good", "--no-store").Error.ShouldContain("--store and --no-store contradict each other");
    }

    [Fact]
    public void Diff_of_the_last_two_runs_of_one_scope_names_what_newly_fails_and_exits_1_for_CI()
    {
        EvaluateAs("good");
        EvaluateAs("no-confirmed-subscription");

        var diff = Run("diff");

        diff.ExitCode.ShouldBe(1, diff.Error);
        diff.Out.ShouldContain("Newly failing (1)");
        diff.Out.ShouldContain("111111111111  console-signin-without-mfa  fail (was pass):");
        diff.Out.ShouldContain("1 newly failing, 0 fixed, 0 still failing, 0 new errors");
    }

    [Fact]
    public void Diff_after_the_fix_lists_it_as_fixed_and_exits_0()
    {
        EvaluateAs("no-confirmed-subscription");
        EvaluateAs("good");

        var diff = Run("diff", "--format", "json");

        diff.ExitCode.ShouldBe(0, diff.Error);
        using var json = JsonDocument.Parse(diff.Out);
        var fixedOne = json.RootElement.GetProperty("fixed").EnumerateArray().Single();
        fixedOne.GetProperty("accountId").GetString().ShouldBe("111111111111");
        fixedOne.GetProperty("before").GetProperty("reasons")[0].GetString().ShouldBe("no-confirmed-subscription");
        fixedOne.GetProperty("after").GetProperty("outcome").GetString().ShouldBe("pass");
        json.RootElement.GetProperty("newlyFailing").GetArrayLength().ShouldBe(0);
        json.RootElement.GetProperty("from").GetProperty("counts").GetProperty("fail").GetInt32().ShouldBe(1);
    }

    [Fact]
    public void Diff_of_a_first_run_says_there_is_nothing_to_compare_it_with()
    {
        EvaluateAs("good");

        var diff = Run("diff");

        diff.ExitCode.ShouldBe(2);
        diff.Error.ShouldContain("is the first of its scope");
    }

    [Fact]
    public void Diff_lists_the_exceptions_in_force_that_expire_within_the_window()
    {
        var soon = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var exceptions = Path.Combine(_folder, "exceptions.yaml");
        File.WriteAllText(exceptions, $"""
            exceptions:
              - control: console-signin-without-mfa
                accounts: ["111111111111"]
                owner: platform-team
                reason: sandbox account, console closed
                expires: {soon}
            """);
        EvaluateAs("no-confirmed-subscription", "--exceptions", exceptions);
        EvaluateAs("no-confirmed-subscription", "--exceptions", exceptions);

        var diff = Run("diff", "--expiring-within", "14");

        diff.ExitCode.ShouldBe(0, diff.Error);
        diff.Out.ShouldContain("Exceptions expiring within 14 days (1)");
        diff.Out.ShouldContain($"owner platform-team, expires {soon} (in 10 days)");
        Run("diff", "--expiring-within", "7").Out.ShouldContain("Exceptions expiring within 7 days (0)");
    }

    [Fact]
    public void History_shows_each_account_and_control_run_after_run_and_when_it_last_changed()
    {
        EvaluateAs("no-confirmed-subscription");
        EvaluateAs("good");
        EvaluateAs("good");

        var history = Run("history");

        history.ExitCode.ShouldBe(0, history.Error);
        history.Out.ShouldContain("3 runs from");
        history.Out.ShouldMatch(@"111111111111  console-signin-without-mfa  ✗ ✓ ✓\s+pass\s+fail → pass in run \S+");
        using var json = JsonDocument.Parse(Run("history", "--format", "json").Out);
        var trend = json.RootElement.GetProperty("trends").EnumerateArray().Single();
        trend.GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("outcome").GetString()).ShouldBe(["fail", "pass", "pass"]);
        trend.GetProperty("lastChange").GetProperty("runId").GetString().ShouldBe(json.RootElement.GetProperty("runs")[1].GetProperty("id").GetString());
    }

    [Fact]
    public void History_can_be_narrowed_to_accounts_controls_and_a_time()
    {
        EvaluateAs("good");

        Run("history", "--accounts", "999999999999").Out.ShouldContain("No finding of these accounts and controls");
        Run("history", "--controls", "cis-aws-1.2:3.2").Out.ShouldContain("111111111111  console-signin-without-mfa");
        Run("history", "--since", "2999-01-01").Out.ShouldContain("No run recorded since 2999-01-01");
        Run("history", "--since", "yesterday-ish").ExitCode.ShouldBe(2);
    }

    [Theory]
    [InlineData("no-confirmed-subscription")]
    [InlineData("no-confirmed-subscription", "--accept", "eventbridge")] // the chain reported and the other one judged
    public void Report_writes_a_recorded_run_again_with_the_same_findings_as_when_it_was_made(string fixture, params string[] flags)
    {
        var original = EvaluateAs(fixture, ["--format", "json", .. flags]);
        if (flags.Length > 0)
            original.Out.ShouldContain("\"otherChain\": {");

        var again = Run("report", "--run", "latest", "--format", "json");

        again.ExitCode.ShouldBe(original.ExitCode, again.Error);
        using var before = JsonDocument.Parse(original.Out);
        using var after = JsonDocument.Parse(again.Out);
        after.RootElement.GetProperty("findings").GetRawText().ShouldBe(before.RootElement.GetProperty("findings").GetRawText());
    }

    [Fact]
    public void Report_plans_each_failing_finding_fix_on_the_inventory_the_run_kept()
    {
        EvaluateAs("no-alarm");
        // The account is fixed since: the report still plans on what the run read.
        File.Copy(RepositoryFiles.Snapshot("good"), Account, overwrite: true);

        var html = Run("report", "--format", "html");

        html.ExitCode.ShouldBe(1, html.Error);
        html.Out.ShouldContain("aws cloudwatch put-metric-alarm");
    }

    [Fact]
    public void A_store_path_that_is_not_a_database_is_refused_before_anything_is_judged()
    {
        File.WriteAllText(Store, "not a database\n");

        var run = EvaluateAs("good");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldBe($"the store at {Store} cannot be used: it is not a SQLite database\n");
        run.Out.ShouldBeEmpty();
    }

    [Fact]
    public void Reading_a_store_that_does_not_exist_says_how_one_is_made()
    {
        var run = Run("history");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("there is no store at");
        File.Exists(Store).ShouldBeFalse();
    }

    [Fact]
    public void The_password_of_an_unreachable_PostgreSQL_store_is_never_printed()
    {
        var run = CliRun.Of("history", "--store", "postgresql://scanner:hunter2-canary@127.0.0.1:1/tocsin");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("postgresql://scanner:***@127.0.0.1:1/tocsin");
        (run.Out + run.Error).ShouldNotContain("hunter2-canary");
    }

    [Fact]
    public async Task Processes_recording_into_one_SQLite_store_at_once_each_leave_a_whole_run()
    {
        File.Copy(RepositoryFiles.Snapshot("no-confirmed-subscription"), Account);
        var processes = Enumerable.Range(0, 4).Select(_ => BuiltCli.RunAsync(BuiltCli.Dotnet,
            [BuiltCli.Dll, "evaluate", Account, "--store", Store, "--format", "json"])).ToList();

        var runs = await Task.WhenAll(processes);

        runs.ShouldAllBe(r => r.ExitCode == 1);
        using var store = new SqliteConnection($"Data Source={Store};Pooling=False");
        store.Open();
        using var check = store.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        check.ExecuteScalar().ShouldBe("ok");
        check.CommandText = "SELECT COUNT(DISTINCT run_id), COUNT(*) FROM findings";
        using var counts = check.ExecuteReader();
        counts.Read().ShouldBeTrue();
        counts.GetInt64(0).ShouldBe(4);
        counts.GetInt64(1).ShouldBe(4 * 15);
    }
}
