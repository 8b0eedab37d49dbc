using System.Text.Json;
using Tocsin.Emulator;
using Tocsin.Emulator.Faults;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Cli.Tests;

/// <summary>These tests set the process's AWS credential variables, so they never run beside each other.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;

[Collection(nameof(ProcessEnvironment))]
public class ScanCommandTests : IAsyncLifetime
{
    private static readonly string[] Variables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_EC2_METADATA_DISABLED"];
    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(name => name, Environment.GetEnvironmentVariable);
    private readonly string _folder = Directory.CreateTempSubdirectory("tocsin-scan-").FullName;
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync()
    {
        var scenario = Scenario.Builtin("demo-org");
        _emulator = await EmulatorHost.StartAsync(scenario, faults: null, port: 0);
        UseKey(scenario.AccessKeys.First(key => key.AccountId == "111111111111"));
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        Directory.Delete(_folder, recursive: true);
    }

    private static void UseKey(ScenarioKey key)
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", key.Id);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", key.Secret);
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
    }

    private CliRun Scan(params string[] flags) =>
        CliRun.Of(["scan", "--endpoint-url", _emulator.Endpoint.ToString(), "--controls", "console-signin-without-mfa", "--format", "json", .. flags]);

    private static Dictionary<string, JsonElement> ByAccount(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("accountId").GetString()!);

    [Fact]
    public void Scanning_the_organization_gives_members_the_owners_chain_and_counts_the_calls()
    {
        var run = Scan("--org", "--role-name", "OrganizationAccountAccessRole");

        run.ExitCode.ShouldBe(0, run.Error);
        var findings = ByAccount(run.Out);
        findings.Keys.ShouldBe(["111111111111", "222222222222", "333333333333"], ignoreOrder: true);
        findings.Values.ShouldAllBe(f => f.GetProperty("outcome").GetString() == "pass");
        findings["222222222222"].GetProperty("inheritedFrom").GetString().ShouldBe("111111111111");
        var collection = JsonDocument.Parse(run.Out).RootElement.GetProperty("collection");
        collection.GetProperty("calls").GetInt32().ShouldBeGreaterThan(0);
        collection.GetProperty("accounts").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public void A_saved_snapshot_replays_to_the_same_findings()
    {
        var snapshot = Path.Combine(_folder, "scan.json");
        var scan = Scan("--org", "--role-name", "OrganizationAccountAccessRole", "--snapshot-out", snapshot);

        var replay = CliRun.Of("evaluate", snapshot, "--controls", "console-signin-without-mfa", "--format", "json");

        replay.ExitCode.ShouldBe(scan.ExitCode);
        JsonDocument.Parse(replay.Out).RootElement.GetProperty("findings").GetRawText()
            .ShouldBe(JsonDocument.Parse(scan.Out).RootElement.GetProperty("findings").GetRawText());
    }

    [Fact]
    public void A_tocsin_yaml_declares_the_whole_scan()
    {
        var config = Path.Combine(_folder, "tocsin.yaml");
        File.WriteAllText(config, $"""
            targets:
              - name: standalone
                accounts: ["666666666666", "777777777777"]
                roleName: TocsinAuditRole
                regions: [us-east-1]
            controls: [console-signin-without-mfa]
            endpointUrl: {_emulator.Endpoint}
            report:
              format: json
            """);

        var run = CliRun.Of("scan", "--config", config);

        run.ExitCode.ShouldBe(1);
        var findings = ByAccount(run.Out);
        findings["666666666666"].GetProperty("reasons")[0].GetString().ShouldBe("no-confirmed-subscription");
        findings["777777777777"].GetProperty("reasons")[0].GetString().ShouldBe("alarm-metric-mismatch");
    }

    [Fact]
    public void Org_without_a_role_name_is_a_usage_error()
    {
        var run = Scan("--org");

        run.ExitCode.ShouldBe(2);
        run.Error.Trim().ShouldBe("--org needs --role-name, the role to assume in each member account");
    }

    [Fact]
    public void Without_any_credentials_the_scan_says_how_to_give_them_and_prints_no_empty_report()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", null);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", null);
        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(_folder, "no-credentials"));
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(_folder, "no-config"));
        Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");

        var run = Scan();

        run.ExitCode.ShouldBe(2);
        run.Out.ShouldBeEmpty();
        run.Error.Trim().ShouldBe("target default credentials: No AWS credentials were found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pass --profile, or run where a role provides them");
    }

    [Fact]
    public void Credentials_the_endpoint_refuses_are_reported_without_the_secret()
    {
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "not-the-secret-at-all");

        var run = Scan();

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("target default credentials:");
        (run.Out + run.Error).ShouldNotContain("not-the-secret-at-all");
    }

    [Fact]
    public async Task A_scan_through_throttling_and_a_denied_region_completes_and_never_passes_what_it_could_not_see()
    {
        var faults = FaultPlan.Parse("""
            seed: 7
            rules:
              - { operation: "*", account: "*", region: "*", throttle: 0.33 }
            accessDenied:
              - { operation: "*", account: "666666666666", region: "us-east-1" }
            """, "faults.yaml");
        await using var faulty = await EmulatorHost.StartAsync(Scenario.Builtin("demo-org"), faults, port: 0);

        var run = CliRun.Of("scan", "--endpoint-url", faulty.Endpoint.ToString(), "--accounts", "444444444444,666666666666,999999999999",
            "--role-name", "TocsinAuditRole", "--region", "us-east-1", "--controls", "console-signin-without-mfa", "--format", "json");

        var findings = ByAccount(run.Out);
        findings.Keys.ShouldBe(["444444444444", "666666666666", "999999999999"], ignoreOrder: true);
        findings["666666666666"].GetProperty("outcome").GetString().ShouldBe("error");
        findings["666666666666"].GetProperty("reasons")[0].GetString().ShouldBe("access-denied");
        findings["444444444444"].GetProperty("outcome").GetString().ShouldBeOneOf("pass", "error");
        findings["999999999999"].GetProperty("outcome").GetString().ShouldBeOneOf("fail", "error");
        JsonDocument.Parse(run.Out).RootElement.GetProperty("collection").GetProperty("throttles").GetInt32().ShouldBeGreaterThan(0);
    }
}

public class DemoAndPermissionsCommandTests
{
    [Fact]
    public void The_demo_shows_every_link_the_demo_organization_breaks()
    {
        var run = CliRun.Of("demo", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var findings = JsonDocument.Parse(run.Out).RootElement.GetProperty("findings").EnumerateArray()
            .ToDictionary(f => f.GetProperty("accountId").GetString()!, f => (Outcome: f.GetProperty("outcome").GetString(), Reasons: string.Join(",", f.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())), Verdict: f.GetProperty("verdict").ToString()));
        findings["111111111111"].ShouldBe(("pass", "", "equivalent"));
        findings["222222222222"].ShouldBe(("pass", "", "equivalent"));
        findings["444444444444"].ShouldBe(("pass", "", "equivalent"));
        findings["555555555555"].ShouldBe(("pass", "", "tuned"));
        findings["666666666666"].ShouldBe(("fail", "no-confirmed-subscription", "equivalent"));
        findings["777777777777"].ShouldBe(("fail", "alarm-metric-mismatch", "equivalent"));
        findings["888888888888"].ShouldBe(("pass", "", "broader"));
        findings["999999999999"].ShouldBe(("fail", "no-trail", ""));
        findings["121212121212"].ShouldBe(("fail", "no-metric-filter", ""));
        run.Error.ShouldContain("What to try next:");
    }

    [Fact]
    public void The_demo_goes_on_to_fix_every_failing_account_and_the_last_scan_passes_them_all()
    {
        var run = CliRun.Of("demo");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("done     999999999999 us-east-1  created multi-region trail tocsin-cis-trail");
        run.Out.ShouldContain("done     121212121212 us-east-1  put filter console-signin-without-mfa-filter on log group aws-cloudtrail-logs");
        run.Out.ShouldContain("confirmed security@example.com on topic tocsin-cis-alarms");
        var last = run.Out[run.Out.LastIndexOf("The organization scanned again:", StringComparison.Ordinal)..];
        last.ShouldContain("10 accounts, 1 control: 10 pass, 0 fail, 0 error, 0 suppressed");
    }

    [Fact]
    public void The_demo_with_report_only_stops_after_the_first_report()
    {
        var run = CliRun.Of("demo", "--report-only");

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("10 accounts, 1 control: 6 pass, 4 fail, 0 error, 0 suppressed");
        run.Out.ShouldNotContain("The organization scanned again:");
    }

    [Fact]
    public void Permissions_print_the_read_only_actions_the_clients_declare()
    {
        var run = CliRun.Of("permissions", "--org");

        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("\"cloudtrail:DescribeTrails\"");
        run.Out.ShouldContain("\"organizations:ListAccounts\"");
        run.Out.ShouldNotContain("Put");
    }
}
