using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Cli.Tests;

/// <summary><c>tocsin rollout --priority-tag</c> on an organization whose accounts carry a priority tag.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class RolloutPriorityTagTests : IAsyncLifetime
{
    /// <summary>Three accounts, none with a trail; the development account is tagged before production on purpose, so order comes from the tag, not the listing.</summary>
    private const string Organization = """
        organization: { managementAccount: "111111111111" }
        regions: [us-east-1]
        accounts:
          - id: "111111111111"
            name: management
            accessKeys:
              - { id: AKIAROLLOUTTAG000001, secret: rollout-tag-secret, user: admin }
            tags: { priority: "9" }
          - id: "222222222222"
            name: dev
            tags: { priority: "5", environment: development }
          - id: "333333333333"
            name: prod
            tags: { priority: "1", environment: production }
        """;

    private EnvironmentKey _key = null!;
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorHost.StartAsync(Scenario.Parse(Organization, "tagged-organization.yaml"), faults: null, port: 0);
        _key = new EnvironmentKey("AKIAROLLOUTTAG000001", "rollout-tag-secret");
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _key.Dispose();
    }

    [Fact]
    public void Accounts_go_in_the_order_of_their_priority_tag_lowest_first()
    {
        var run = CliRun.Of("rollout", "--endpoint-url", _emulator.Endpoint.ToString(), "--org", "--role-name", "OrganizationAccountAccessRole", "--region", "us-east-1",
            "--controls", "console-signin-without-mfa", "--notify", "sqs:arn:aws:sqs:us-east-1:111111111111:alerts", "--priority-tag", "priority", "--batch", "1",
            "--out-dir", Path.Combine(Path.GetTempPath(), $"tocsin-rollout-{Guid.NewGuid():N}"));

        run.ExitCode.ShouldBe(0, run.Out + run.Error);
        var batches = run.Out.Split('\n').Where(line => line.TrimStart().StartsWith("Batch ", StringComparison.Ordinal)).Select(line => line.Trim()).ToList();
        batches.ShouldBe(["Batch 1: 333333333333 (1)", "Batch 2: 222222222222 (5)", "Batch 3: 111111111111 (9)"]);
    }
}
