using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Inventory.Snapshots;
using Tocsin.Remediation.Planning;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Tests;

/// <summary>Plans for the fixture snapshots of tests/fixtures/snapshots, as `tocsin remediate --snapshot` makes them.</summary>
internal static class FixturePlans
{
    public static Control Seed { get; } = ControlCatalog.Default.Find("console-signin-without-mfa")!;

    public static CloudInventory Load(string fixture) =>
        Snapshot.Parse(File.ReadAllText(RepositoryFiles.Snapshot(fixture)), fixture + ".json");

    public static RemediationPlan Plan(string fixture, PlanOptions? options = null, IReadOnlyList<Control>? controls = null) =>
        Plan(Load(fixture), options, controls);

    public static RemediationPlan Plan(CloudInventory inventory, PlanOptions? options = null, IReadOnlyList<Control>? controls = null)
    {
        controls ??= [Seed];
        var result = new ChainEvaluator(EvaluationOptions.Default).Evaluate(inventory, controls);
        return new Planner(EvaluationOptions.Default, options ?? PlanOptions.Default).Plan(inventory, result, controls);
    }

    /// <summary>The inventory once every step of the plan is done, evaluated by a fresh evaluator.</summary>
    public static Finding After(CloudInventory inventory, RemediationPlan plan, string accountId, Control? control = null)
    {
        var done = plan.Steps.Aggregate(inventory, InventoryProjection.Apply);
        return new ChainEvaluator(EvaluationOptions.Default).Evaluate(done, done.FindAccount(accountId)!, control ?? Seed);
    }
}
