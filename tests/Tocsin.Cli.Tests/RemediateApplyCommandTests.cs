using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Cli.Tests;

/// <summary><c>tocsin remediate --apply</c> against the emulator, with credentials from the environment as a user gives them.</summary>
[Collection(nameof(ProcessEnvironment))]
public class RemediateApplyCommandTests : IAsyncLifetime
{
    private const string Account = "111111111111";

    /// <summary>A trail delivering to a log group that has no metric filter, and nothing after it.</summary>
    private const string NoFilter = $$"""
        regions: [us-east-1]
        accounts:
          - id: "{{Account}}"
            name: security
            email: sec@example.com
            accessKeys:
              - { id: AKIAAPPLYCLI00000001, secret: apply-cli-secret, user: auditor }
            regions:
              us-east-1:
                trails:
                  - { name: main, logGroup: trail-logs }
                logGroups:
                  - name: trail-logs
        """;

    private EnvironmentKey _key = null!;
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(Scenario.Parse(NoFilter, "no-filter.yaml"), faults: null, port: 0);
        _key = new EnvironmentKey("AKIAAPPLYCLI00000001", "apply-cli-secret");
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _key.Dispose();
    }

    private CliRun Remediate(params string[] flags) =>
        CliRun.Of(["remediate", "--endpoint-url", _emulator.Endpoint.ToString(), "--region", "us-east-1", "--controls", "console-signin-without-mfa", "--notify", "email:sec@example.com", .. flags]);

    [Fact]
    public void The_dry_run_lists_the_changes_and_makes_none()
    {
        var dryRun = Remediate("--apply");

        dryRun.ExitCode.ShouldBe(0, dryRun.Error);
        dryRun.Out.ShouldContain("no write call was made");
        dryRun.Out.ShouldContain("create  111111111111 us-east-1  put metric filter console-signin-without-mfa-filter on log group trail-logs");
        Remediate("--apply").Out.ShouldBe(dryRun.Out);
        _emulator.Control.PendingSubscriptions().ShouldBeEmpty();
    }

    [Fact]
    public void Apply_yes_makes_the_changes_and_the_finding_awaits_only_the_subscriber_then_passes_and_a_second_apply_changes_nothing()
    {
        var applied = Remediate("--apply", "--yes");

        applied.ExitCode.ShouldBe(0, applied.Out + applied.Error);
        applied.Out.ShouldContain("done     111111111111 us-east-1  put filter console-signin-without-mfa-filter on log group trail-logs");
        applied.Out.ShouldContain("done     111111111111 us-east-1  created alarm console-signin-without-mfa-alarm");
        applied.Out.ShouldContain("awaits    console-signin-without-mfa 111111111111 us-east-1: awaits confirmation");

        var again = Remediate("--apply", "--yes");
        again.ExitCode.ShouldBe(0, again.Out + again.Error);
        again.Out.ShouldContain("Nothing to change");
        again.Out.ShouldNotContain("done ");

        _emulator.Control.Confirm($"arn:aws:sns:us-east-1:{Account}:tocsin-cis-alarms").ShouldBe(1);
        var confirmed = Remediate("--apply", "--yes");
        confirmed.ExitCode.ShouldBe(0, confirmed.Out + confirmed.Error);
        confirmed.Out.ShouldBe("Nothing to change." + Environment.NewLine);
    }

    [Fact]
    public void Apply_from_a_snapshot_is_refused_as_a_usage_error()
    {
        var run = CliRun.Of("remediate", "--snapshot", "no-such.json", "--apply");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--apply changes live AWS");
    }

    [Fact]
    public void Yes_without_apply_is_a_usage_error()
    {
        Remediate("--yes").ExitCode.ShouldBe(2);
    }

    [Fact]
    public void Apply_yes_writes_the_scan_after_the_changes_as_a_report_for_the_pipeline()
    {
        var folder = Directory.CreateTempSubdirectory("tocsin-after-").FullName;
        try
        {
            var applied = Remediate("--apply", "--yes", "--report-format", "json", "--report-dir", folder);

            applied.ExitCode.ShouldBe(0, applied.Out + applied.Error);
            using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "tocsin.json")));
            var finding = report.RootElement.GetProperty("findings")[0];
            finding.GetProperty("controlId").GetString().ShouldBe("console-signin-without-mfa");
            finding.GetProperty("reasons")[0].GetString().ShouldBe("no-confirmed-subscription");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_report_of_the_scan_after_the_changes_needs_apply_yes()
    {
        var run = Remediate("--report-format", "json", "--report-dir", "out");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--report-format reports the scan after the changes, so it goes with --apply --yes");
    }
}
