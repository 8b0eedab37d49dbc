using System.Text.Json;
using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Cli.Tests;

/// <summary>
/// <c>tocsin scan --shard I/N</c>: N workers split an organization's accounts, and together report exactly what one
/// scan of them all reports, finding for finding.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public class ShardedScanTests : IAsyncLifetime
{
    private const string Role = "OrganizationAccountAccessRole";
    private readonly string _folder = Directory.CreateTempSubdirectory("tocsin-shard-").FullName;
    private EmulatorHost _demo = null!;
    private EmulatorHost _generated = null!;

    public async Task InitializeAsync()
    {
        _demo = await EmulatorHost.StartAsync(Scenario.Builtin("demo-org"), faults: null, port: 0);
        _generated = await EmulatorHost.StartAsync(Scenario.Resolve("generated:300"), faults: null, port: 0);
    }

    public async Task DisposeAsync()
    {
        await _demo.DisposeAsync();
        await _generated.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Three_shards_of_a_300_account_organization_report_exactly_what_one_scan_reports()
    {
        using var key = UseKey(_generated, ScenarioGenerator.AccountId(1));

        var whole = Scan(_generated, "--org", "--role-name", Role);
        var shards = Enumerable.Range(0, 3).Select(i => Scan(_generated, "--org", "--role-name", Role, "--shard", $"{i}/3")).ToList();

        whole.ExitCode.ShouldBe(1, whole.Error);
        Findings(whole).Count.ShouldBe(300);
        shards.ShouldAllBe(shard => shard.ExitCode == 1);
        shards.Select(shard => Findings(shard).Count).ShouldAllBe(count => count > 0);
        UnionOf(shards).ShouldBe(Findings(whole));
    }

    [SkippableFact]
    public async Task Three_shard_processes_write_one_run_into_PostgreSQL_and_its_report_equals_one_scan_finding_for_finding()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        using var key = UseKey(_generated, ScenarioGenerator.AccountId(1));
        var whole = Scan(_generated, "--org", "--role-name", Role);

        var shards = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => BuiltCli.RunAsync(BuiltCli.Dotnet,
            ScanArguments(_generated, "--org", "--role-name", Role, "--shard", $"{i}/3", "--run-id", "nightly-42", "--store", database.Url))));
        var merged = CliRun.Of("report", "--store", database.Url, "--run", "nightly-42", "--format", "json");

        shards.ShouldAllBe(shard => shard.ExitCode == 1);
        shards.ShouldAllBe(shard => shard.Error.Contains("of run nightly-42 in postgresql://"));
        merged.ExitCode.ShouldBe(1, merged.Error);
        merged.Error.ShouldBeEmpty();
        Findings(merged).ShouldBe(Findings(whole));
        Findings(merged).Count.ShouldBe(300);
    }

    [Fact]
    public void A_shard_that_records_without_a_run_id_is_refused_so_its_part_is_not_lost_in_a_run_of_its_own()
    {
        var run = CliRun.Of("scan", "--endpoint-url", "http://127.0.0.1:9/", "--org", "--role-name", Role, "--shard", "0/3", "--store", Path.Combine(_folder, "runs.db"));

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("give every shard the same --run-id");
    }

    [Fact]
    public void A_member_in_another_shard_than_its_organization_trail_still_inherits_the_owners_chain()
    {
        using var key = UseKey(_demo, "111111111111");

        var whole = Scan(_demo, "--org", "--role-name", Role);
        var memberShard = Scan(_demo, "--org", "--role-name", Role, "--shard", "0/2");
        var ownerShard = Scan(_demo, "--org", "--role-name", Role, "--shard", "1/2");

        Findings(memberShard).Keys.ShouldBe(["222222222222 console-signin-without-mfa"]);
        Findings(ownerShard).Keys.ShouldBe(["111111111111 console-signin-without-mfa", "333333333333 console-signin-without-mfa"], ignoreOrder: true);
        JsonDocument.Parse(Findings(memberShard).Values.Single()).RootElement.GetProperty("inheritedFrom").GetString().ShouldBe("111111111111");
        UnionOf([memberShard, ownerShard]).ShouldBe(Findings(whole));
    }

    [Fact]
    public async Task An_alarm_notifying_a_topic_in_another_shards_account_is_judged_as_in_one_scan()
    {
        await using var emulator = await EmulatorHost.StartAsync(Scenario.Parse(CentralTopic, "central-topic.yaml"), faults: null, port: 0);
        using var key = UseKey(emulator, "111111111111");

        var whole = Scan(emulator, "--org", "--role-name", Role);
        var shards = Enumerable.Range(0, 2).Select(i => Scan(emulator, "--org", "--role-name", Role, "--shard", $"{i}/2")).ToList();

        Findings(shards[0]).Keys.ShouldBe(["222222222222 console-signin-without-mfa"]);
        UnionOf(shards).ShouldBe(Findings(whole));
    }

    [Fact]
    public void A_shards_snapshot_replays_to_the_shards_own_findings()
    {
        using var key = UseKey(_demo, "111111111111");
        var snapshot = Path.Combine(_folder, "shard.json");
        var shard = Scan(_demo, "--org", "--role-name", Role, "--shard", "0/2", "--snapshot-out", snapshot);

        var replay = CliRun.Of("evaluate", snapshot, "--controls", "console-signin-without-mfa", "--format", "json");

        replay.ExitCode.ShouldBe(shard.ExitCode, replay.Error);
        Findings(replay).ShouldBe(Findings(shard));
    }

    [Fact]
    public void A_shard_with_no_account_reports_no_finding_and_exits_0()
    {
        using var key = UseKey(_demo, "111111111111");

        var run = Scan(_demo, "--org", "--role-name", Role, "--shard", "0/10");

        run.ExitCode.ShouldBe(0, run.Error);
        Findings(run).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("0/4", 0, "444444444444")]
    [InlineData("2/4", 1, "666666666666")]
    public void A_shards_exit_code_is_that_of_its_own_accounts(string shard, int exitCode, string account)
    {
        using var key = UseKey(_demo, "111111111111");

        var run = Scan(_demo, "--accounts", "444444444444,666666666666", "--role-name", "TocsinAuditRole", "--shard", shard);

        run.ExitCode.ShouldBe(exitCode, run.Error);
        Findings(run).Keys.ShouldBe([$"{account} console-signin-without-mfa"]);
    }

    [Theory]
    [InlineData("--shard=3/3", "--shard: `3/3`: shards are numbered from 0, so with 3 shards the shard must be from 0 to 2")]
    [InlineData("--shard=-1/2", "--shard: `-1/2` is not I/N: two whole numbers, the shard (from 0) and the number of shards, e.g. 0/3")]
    [InlineData("--shard=a/b", "--shard: `a/b` is not I/N: two whole numbers, the shard (from 0) and the number of shards, e.g. 0/3")]
    [InlineData("--shard=0/0", "--shard: `0/0`: the number of shards must be from 1 to 10000")]
    [InlineData("--shard=0/10001", "--shard: `0/10001`: the number of shards must be from 1 to 10000")]
    public void A_shard_that_is_not_I_of_N_is_a_usage_error_before_any_AWS_call(string flag, string message)
    {
        // Nothing listens on the discard port: a scan that reached for AWS would say it could not be reached.
        var run = CliRun.Of("scan", "--endpoint-url", "http://127.0.0.1:9/", "--org", "--role-name", Role, flag);

        run.ExitCode.ShouldBe(2);
        run.Out.ShouldBeEmpty();
        run.Error.Trim().ShouldBe(message);
    }

    /// <summary>Member 222222222222 (shard 0 of 2) alarms to the security account 333333333333's topic (shard 1 of 2).</summary>
    private const string CentralTopic = """
        organization: { id: o-centraltopic, managementAccount: "111111111111" }
        regions: [us-east-1]
        accounts:
          - id: "111111111111"
            accessKeys: [{ id: AKIACENTRAL000000001, secret: central-secret, user: auditor }]
          - id: "222222222222"
            regions:
              us-east-1:
                trails: [{ name: management-events, logGroup: cloudtrail }]
                logGroups:
                  - name: cloudtrail
                    metricFilters:
                      - name: console-signin-without-mfa
                        pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }'
                        metricName: ConsoleSigninWithoutMFA
                        namespace: CISBenchmark
                alarms:
                  - name: console-signin-without-mfa
                    metricName: ConsoleSigninWithoutMFA
                    namespace: CISBenchmark
                    actions: ["arn:aws:sns:us-east-1:333333333333:security-alarms"]
          - id: "333333333333"
            regions:
              us-east-1:
                topics:
                  - name: security-alarms
                    subscriptions: [{ protocol: email, endpoint: security@example.com, confirmed: true }]
        """;

    private static EnvironmentKey UseKey(EmulatorHost emulator, string accountId)
    {
        var key = emulator.Scenario.AccessKeys.First(k => k.AccountId == accountId);
        return new EnvironmentKey(key.Id, key.Secret);
    }

    private static CliRun Scan(EmulatorHost emulator, params string[] flags) =>
        CliRun.Of(["scan", "--endpoint-url", emulator.Endpoint.ToString(), "--region", "us-east-1", "--controls", "console-signin-without-mfa", "--format", "json", "--no-store", .. flags]);

    private static string[] ScanArguments(EmulatorHost emulator, params string[] flags) =>
        [BuiltCli.Dll, "scan", "--endpoint-url", emulator.Endpoint.ToString(), "--region", "us-east-1", "--controls", "console-signin-without-mfa", "--format", "json", .. flags];

    /// <summary>Each finding's whole JSON (outcome, reasons, message, evidence, ...), by account and control.</summary>
    private static SortedDictionary<string, string> Findings(CliRun run) => new(
        JsonDocument.Parse(run.Out).RootElement.GetProperty("findings").EnumerateArray()
            .ToDictionary(f => $"{f.GetProperty("accountId").GetString()} {f.GetProperty("controlId").GetString()}", f => f.GetRawText()),
        StringComparer.Ordinal);

    /// <summary>The shards' findings together; an account reported by two shards fails here.</summary>
    private static SortedDictionary<string, string> UnionOf(IEnumerable<CliRun> shards) =>
        new(shards.SelectMany(Findings).ToDictionary(entry => entry.Key, entry => entry.Value), StringComparer.Ordinal);
}
