using Tocsin.Aws.Collection;
using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Emulator;
using Tocsin.Emulator.Faults;

namespace Tocsin.Aws.Tests;

/// <summary>One collection of the demo organization from the emulator, evaluated for the seed control; shared by a test class.</summary>
public abstract class DemoOrgScan : IAsyncLifetime
{
    public CollectResult Result { get; private set; } = null!;

    public RunResult Evaluated { get; private set; } = null!;

    public List<TimeSpan> Waits { get; } = [];

    protected virtual FaultPlan? Faults => null;

    protected virtual int MaxAttempts => 6;

    public Finding FindingFor(string accountId) => Evaluated.Findings.Single(f => f.AccountId == accountId);

    public AccountCalls CallsOf(string accountId) => Result.Summary.Accounts.Single(a => a.AccountId == accountId);

    public async Task InitializeAsync()
    {
        await using var emulator = await EmulatorHost.StartAsync(DemoOrganization.Scenario, Faults, port: 0);
        Result = await DemoOrganization.Collector(Waits, MaxAttempts).CollectAsync(DemoOrganization.Request(emulator));
        Evaluated = new ChainEvaluator(EvaluationOptions.Default).Evaluate(Result.Inventory, [ControlCatalog.Default.Find("console-signin-without-mfa")!]);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class CleanDemoOrgScan : DemoOrgScan;

/// <summary>
/// A third of all calls throttled, and every call in us-west-2 denied. Ten attempts per call make a call throttled
/// ten times in a row (odds about 1 in 65,000) too rare to matter among the scan's hundred calls.
/// </summary>
public sealed class FaultyDemoOrgScan : DemoOrgScan
{
    protected override int MaxAttempts => 10;

    protected override FaultPlan Faults => FaultPlan.Parse("""
        seed: 11
        rules:
          - throttle: 0.33
        accessDenied:
          - region: us-west-2
        """, "faults.yaml");
}
