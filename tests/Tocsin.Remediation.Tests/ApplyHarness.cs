using Amazon.Runtime;
using Tocsin.Aws.Collection;
using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;
using Tocsin.Remediation.Apply;
using Tocsin.Remediation.Planning;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Tests;

/// <summary>An emulated account to scan, plan for, apply to and scan again, as <c>tocsin remediate --apply --yes</c> does.</summary>
internal sealed class ApplyHarness : IAsyncDisposable
{
    private static readonly Control[] Controls = [ControlCatalog.Default.Find(ApplyScenarios.Control)!];

    private ApplyHarness(EmulatorHost emulator) => Emulator = emulator;

    public EmulatorHost Emulator { get; }

    /// <summary>The propagation waits the applier asked for (none are slept).</summary>
    public List<TimeSpan> Waits { get; } = [];

    public static async Task<ApplyHarness> StartAsync(string scenario) =>
        new(await EmulatorHost.StartAsync(Scenario.Parse(scenario, "apply.yaml"), faults: null, port: 0));

    public static async Task<ApplyHarness> StartAsync(string scenario, string faults) =>
        new(await EmulatorHost.StartAsync(Scenario.Parse(scenario, "apply.yaml"), Tocsin.Emulator.Faults.FaultPlan.Parse(faults, "faults.yaml"), port: 0));

    public CollectRequest Request => new()
    {
        StartingCredentials = new BasicAWSCredentials(ApplyScenarios.KeyId, ApplyScenarios.Secret),
        Credentials = new Aws.Credentials.CredentialOptions(Region: "us-east-1"),
        EndpointUrl = Emulator.Endpoint,
        Regions = ["us-east-1"],
    };

    public async Task<CloudInventory> CollectAsync() => (await new Collector(Options).CollectAsync(Request)).Inventory;

    public static Finding Judge(CloudInventory inventory) =>
        new ChainEvaluator(EvaluationOptions.Default).Evaluate(inventory, Controls).Findings.Single(f => f.AccountId == ApplyScenarios.Account);

    public static RemediationPlan Plan(CloudInventory inventory) =>
        new Planner(EvaluationOptions.Default, new PlanOptions(new NotifyEndpoint("email", "sec@example.com")))
            .Plan(inventory, new ChainEvaluator(EvaluationOptions.Default).Evaluate(inventory, Controls), Controls);

    public async Task<ApplyReport> ApplyAsync(RemediationPlan plan, CloudInventory? seen, bool force = false, HttpMessageHandler? network = null)
    {
        using var sessions = await AccountSessions.OpenAsync(Request, Options with { Handler = network });
        var options = new ApplyOptions(force, (wait, _) =>
        {
            Waits.Add(wait);
            return Task.CompletedTask;
        });
        return await new Applier(sessions.For, options).ApplyAsync(plan, seen);
    }

    /// <summary>A session of the account, to change it behind the plan's back as another person would.</summary>
    public async Task<T> AsAnotherPersonAsync<T>(Func<Aws.Http.AwsSession, Task<T>> act)
    {
        using var sessions = await AccountSessions.OpenAsync(Request, Options);
        return await act(sessions.For(ApplyScenarios.Account));
    }

    public ValueTask DisposeAsync() => Emulator.DisposeAsync();

    private static CollectorOptions Options => new() { Environment = _ => null };
}
