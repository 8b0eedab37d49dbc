using System.Text.Json;
using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Cli.Tests;

/// <summary>
/// <c>tocsin scan --demo-credentials</c>, the command the demo's hint gives a newcomer to paste. These tests clear
/// the process's AWS credential variables, so they run apart from the other scan tests.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class DemoCredentialsTests : IAsyncLifetime
{
    private static readonly string[] Variables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE"];
    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(name => name, Environment.GetEnvironmentVariable);
    private readonly Scenario _demo = Scenario.Builtin("demo-org");
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(_demo, faults: null, port: 0);

        // No key of the machine's own: whatever the scan signs with comes from the flag.
        var nowhere = Path.Combine(Path.GetTempPath(), "tocsin-no-aws-" + Guid.NewGuid().ToString("N"));
        foreach (var name in Variables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(nowhere, "credentials"));
        Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", Path.Combine(nowhere, "config"));
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    [Fact]
    public void Demo_credentials_scan_the_demo_organization_through_its_management_account()
    {
        var run = CliRun.Of("scan", "--demo-credentials", "--org", "--role-name", "OrganizationAccountAccessRole",
            "--endpoint-url", _emulator.Endpoint.ToString(), "--controls", "console-signin-without-mfa", "--format", "json");

        run.ExitCode.ShouldBe(0, run.Error);
        var accounts = JsonDocument.Parse(run.Out).RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("accountId").GetString(), f.GetProperty("outcome").GetString()));
        accounts.ShouldBe([("111111111111", "pass"), ("222222222222", "pass"), ("333333333333", "pass")], ignoreOrder: true);
    }

    [Fact]
    public void Demo_credentials_never_print_the_secret()
    {
        var run = CliRun.Of("scan", "--demo-credentials", "--org", "--role-name", "OrganizationAccountAccessRole",
            "--endpoint-url", _emulator.Endpoint.ToString(), "--controls", "console-signin-without-mfa");

        foreach (var key in _demo.AccessKeys)
        {
            (run.Out + run.Error).ShouldNotContain(key.Secret);
        }
    }

    [Theory]
    [InlineData("https://logs.us-east-1.amazonaws.com")]
    [InlineData("http://10.0.0.5:4566")]
    [InlineData("http://127.0.0.1.example.com:4566")]
    public void Demo_credentials_are_refused_for_an_endpoint_off_this_machine(string endpoint)
    {
        var run = CliRun.Of("scan", "--demo-credentials", "--endpoint-url", endpoint);

        run.ExitCode.ShouldBe(2);
        run.Out.ShouldBeEmpty();
        run.Error.Trim().ShouldBe($"--demo-credentials is the emulated demo organization's key and is only sent to an emulator on this machine: --endpoint-url must be a loopback address (127.0.0.1, localhost or [::1]), not `{new Uri(endpoint)}`");
    }

    [Fact]
    public void Demo_credentials_without_an_endpoint_are_refused_rather_than_sent_to_aws()
    {
        var run = CliRun.Of("scan", "--demo-credentials");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--endpoint-url must be a loopback address (127.0.0.1, localhost or [::1]), and none was given");
    }

    [Theory]
    [InlineData("http://127.0.0.1:4566", true)]
    [InlineData("http://127.8.9.10:4566", true)]
    [InlineData("http://localhost:4566", true)]
    [InlineData("http://LOCALHOST:4566", true)]
    [InlineData("http://[::1]:4566", true)]
    [InlineData("http://128.0.0.1:4566", false)]
    [InlineData("http://[::2]:4566", false)]
    [InlineData("http://localhost.example.com:4566", false)]
    public void Loopback_is_127_0_0_0_slash_8_localhost_and_ipv6_one(string endpoint, bool loopback)
    {
        DemoCredentials.IsLoopback(new Uri(endpoint)).ShouldBe(loopback);
    }

    [Fact]
    public void The_demo_ends_with_a_scan_command_a_newcomer_can_paste_as_it_is()
    {
        var run = CliRun.Of("demo", "--format", "json");

        run.Error.ShouldContain("""

              tocsin scan --demo-credentials --endpoint-url http://127.0.0.1:4566 \
                --org --role-name OrganizationAccountAccessRole --snapshot-out demo.json

            """);
        run.Error.ShouldNotContain("<");
        foreach (var key in _demo.AccessKeys)
        {
            run.Error.ShouldNotContain(key.Secret);
        }
    }
}
