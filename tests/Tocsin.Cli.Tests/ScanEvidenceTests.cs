using System.Text.Json;
using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Cli.Tests;

/// <summary>`scan --evidence minimal|full` on the demo organization. These tests set the process's AWS credential variables.</summary>
[Collection(nameof(ProcessEnvironment))]
public class ScanEvidenceTests : IAsyncLifetime
{
    private const string Member = "222222222222";
    private static readonly string[] Variables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_PROFILE"];
    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(name => name, Environment.GetEnvironmentVariable);
    private readonly string _folder = Directory.CreateTempSubdirectory("tocsin-evidence-").FullName;
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync()
    {
        var scenario = Scenario.Builtin("demo-org");
        _emulator = await EmulatorHost.StartAsync(scenario, faults: null, port: 0);
        var key = scenario.AccessKeys.First(k => k.AccountId == "111111111111");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", key.Id);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", key.Secret);
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
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

    private CliRun Scan(params string[] flags) =>
        CliRun.Of(["scan", "--endpoint-url", _emulator.Endpoint.ToString(), "--org", "--role-name", "OrganizationAccountAccessRole", "--format", "json", "--no-store", .. flags]);

    private static string Verdicts(string json) => string.Join('\n', JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray()
        .Select(f => $"{f.GetProperty("accountId")} {f.GetProperty("controlId")} {f.GetProperty("outcome")} {f.GetProperty("reasons").GetRawText()}")
        .Order(StringComparer.Ordinal));

    private static int CallsOf(string json, string accountId) => JsonDocument.Parse(json).RootElement.GetProperty("collection").GetProperty("accounts")
        .EnumerateArray().Single(a => a.GetProperty("accountId").GetString() == accountId).GetProperty("calls").GetInt32();

    [Fact]
    public void By_default_a_member_of_a_passing_organization_trail_is_read_in_two_calls_and_full_evidence_reads_every_region()
    {
        var minimal = Scan("--controls", "console-signin-without-mfa");
        var full = Scan("--controls", "console-signin-without-mfa", "--evidence", "full");

        minimal.ExitCode.ShouldBe(full.ExitCode, minimal.Error);
        Verdicts(minimal.Out).ShouldBe(Verdicts(full.Out));
        CallsOf(minimal.Out, Member).ShouldBe(2);
        CallsOf(full.Out, Member).ShouldBe(1 + 1 + 4);
    }

    [Fact]
    public void Saving_a_snapshot_reads_every_candidate_unless_minimal_evidence_is_asked_for()
    {
        var snapshot = Path.Combine(_folder, "scan.json");

        CallsOf(Scan("--controls", "console-signin-without-mfa", "--snapshot-out", snapshot).Out, Member).ShouldBe(1 + 1 + 4);
        CallsOf(Scan("--controls", "console-signin-without-mfa", "--snapshot-out", snapshot, "--evidence", "minimal").Out, Member).ShouldBe(2);
    }

    [Fact]
    public void Evidence_other_than_full_or_minimal_is_a_usage_error()
    {
        var run = Scan("--evidence", "some");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("some");
    }
}
