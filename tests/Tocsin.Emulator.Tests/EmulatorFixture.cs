using System.Text.Json;
using System.Text.Json.Nodes;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Emulator.Tests;

/// <summary>
/// One emulator per test class, on a free port of 127.0.0.1, with a temporary HOME for the clients.
/// Subclasses choose the scenario.
/// </summary>
public abstract class EmulatorFixture : IAsyncLifetime
{
    public EmulatorHost Emulator { get; private set; } = null!;

    public string Home { get; } = Directory.CreateTempSubdirectory("tocsin-emulator-home-").FullName;

    protected abstract Scenario CreateScenario();

    protected virtual Faults.FaultPlan? CreateFaults() => null;

    protected virtual TimeProvider Clock => TimeProvider.System;

    /// <summary>The EventBridge pattern matcher the host is given: Core's, as every Tocsin command gives it.</summary>
    protected virtual IEventPatternMatcher? EventPatterns => EventBridgePatterns.Instance;

    public async Task InitializeAsync() => Emulator = await EmulatorHost.StartAsync(CreateScenario(), CreateFaults(), port: 0, Clock, eventPatterns: EventPatterns);

    public async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
        Directory.Delete(Home, recursive: true);
    }

    public Dictionary<string, string> Environment(string keyId, string secret, string region = "us-east-1") => new()
    {
        ["HOME"] = Home,
        ["AWS_ACCESS_KEY_ID"] = keyId,
        ["AWS_SECRET_ACCESS_KEY"] = secret,
        ["AWS_DEFAULT_REGION"] = region,
        ["AWS_REGION"] = region,
        ["AWS_CONFIG_FILE"] = Path.Combine(Home, "no-config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(Home, "no-credentials"),
    };

    /// <summary>Runs a boto3 script; <c>ENDPOINT</c> is defined, and the script prints one JSON document.</summary>
    public async Task<JsonNode> Boto3Async(string script, string keyId, string secret, string region = "us-east-1")
    {
        var program = $"import boto3, json, botocore\nfrom botocore.config import Config\nENDPOINT = {JsonSerializer.Serialize(Emulator.Endpoint.ToString())}\nNO_RETRY = Config(retries={{'max_attempts': 1, 'mode': 'standard'}})\n{script}";
        var result = await ExternalTool.RunAsync("python3", ["-"], Environment(keyId, secret, region), stdin: program);
        result.ExitCode.ShouldBe(0, result.ToString());
        return JsonNode.Parse(result.Output) ?? throw new InvalidOperationException(result.ToString());
    }

    /// <summary>Runs the aws CLI against the emulator (the endpoint is always given explicitly).</summary>
    public Task<ToolResult> AwsAsync(string keyId, string secret, params string[] arguments) =>
        ExternalTool.RunAsync("aws", ["--endpoint-url", Emulator.Endpoint.ToString(), "--output", "json", .. arguments], Environment(keyId, secret));
}

public sealed class DefaultScenarioFixture : EmulatorFixture
{
    protected override Scenario CreateScenario() => Scenario.Default();
}

public sealed class DemoOrgFixture : EmulatorFixture
{
    public const string ManagementKey = "AKIADEMO000000000001";
    public const string ManagementSecret = "demo-secret-management";

    protected override Scenario CreateScenario() => Scenario.Builtin("demo-org");
}
