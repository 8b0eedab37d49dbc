using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Cli.Tests;

public sealed class RolloutCommandTests : IAsyncLifetime, IDisposable
{
    private const string Standalone = "444444444444,555555555555,666666666666,777777777777,888888888888,999999999999";
    private readonly string _folder = Directory.CreateTempSubdirectory("tocsin-rollout-").FullName;
    private EmulatorHost _emulator = null!;

    private int _pendingAtStart;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(Scenario.Builtin("demo-org"), faults: null, port: 0);
        _pendingAtStart = _emulator.Control.PendingSubscriptions().Count;
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private CliRun Rollout(params string[] flags)
    {
        var priorities = Path.Combine(_folder, "priority.yaml");
        File.WriteAllText(priorities, "accounts:\n  - { account: \"999999999999\", priority: 1, label: production }\n  - { account: \"777777777777\", priority: 2 }\n");
        return CliRun.Of(["rollout", "--demo-credentials", "--endpoint-url", _emulator.Endpoint.ToString(), "--role-name", "TocsinAuditRole", "--accounts", Standalone,
            "--controls", "console-signin-without-mfa", "--notify", "email:security@example.com", "--priority", priorities, "--batch", "1",
            "--out-dir", Path.Combine(_folder, "out"), .. flags]);
    }

    [Fact]
    public void Without_apply_the_rollout_writes_the_service_wide_files_and_lists_each_batch_in_priority_order()
    {
        var run = Rollout("--admin-role-arn", "arn:aws:iam::111111111111:role/SecurityAdmin");

        run.ExitCode.ShouldBe(0, run.Error);
        File.ReadAllText(Path.Combine(_folder, "out", "stackset.yaml")).ShouldContain("SERVICE_MANAGED");
        File.ReadAllText(Path.Combine(_folder, "out", "conformance-pack.yaml")).ShouldContain("AWS::Config::ConfigRule");
        File.ReadAllText(Path.Combine(_folder, "out", "scp.json")).ShouldContain("SecurityAdmin");
        var production = run.Out.IndexOf("Batch 1: 999999999999 (production)", StringComparison.Ordinal);
        var second = run.Out.IndexOf("Batch 2: 777777777777", StringComparison.Ordinal);
        var third = run.Out.IndexOf("Batch 3: 666666666666", StringComparison.Ordinal);
        production.ShouldBeGreaterThan(0, run.Out);
        second.ShouldBeGreaterThan(production);
        third.ShouldBeGreaterThan(second);
        run.Out.ShouldContain("nothing was applied");
        _emulator.Control.PendingSubscriptions().Count.ShouldBe(_pendingAtStart);
    }

    [Fact]
    public void Applied_batch_by_batch_the_rollout_fixes_each_account_and_reports_what_awaits_a_confirmation()
    {
        var run = Rollout("--apply", "--yes");

        run.ExitCode.ShouldBe(0, run.Out + run.Error);
        run.Out.ShouldContain("pass      console-signin-without-mfa 777777777777 us-east-1");
        run.Out.ShouldContain("Fixed: 1");
        run.Out.ShouldContain("Awaiting a subscriber's confirmation: 2");
        run.Out.ShouldContain("Still failing: 0");
        run.Out.ShouldContain("scp.json: not written; give --admin-role-arn");
        _emulator.Control.PendingSubscriptions().Select(p => p.Endpoint).Distinct().ShouldBe(["security@example.com"]);
    }

    [Fact]
    public void A_bad_priority_file_exits_2_with_its_line_and_problem()
    {
        var bad = Path.Combine(_folder, "bad.yaml");
        File.WriteAllText(bad, "accounts:\n  - { account: \"999999999999\", priority: first }\n");

        var run = CliRun.Of("rollout", "--snapshot", RepositoryFiles.Snapshot("no-alarm"), "--priority", bad);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("bad.yaml:2:");
        run.Error.ShouldContain("priority `first` is not a whole number");
    }
}
