using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory.Snapshots;
using Tocsin.Remediation.Planning;
using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rendering;

namespace Tocsin.Remediation.Tests;

/// <summary>Plans the template tests render: from each fixture snapshot, or built step by step.</summary>
internal static class CloudFormationPlans
{
    /// <summary>The name of every fixture snapshot.</summary>
    public static IReadOnlyList<string> Fixtures() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "snapshots"), "*.json").Order(StringComparer.Ordinal).Select(f => Path.GetFileNameWithoutExtension(f))];

    public static TheoryData<string> FixtureNames() => [.. Fixtures()];

    public static RemediationPlan FromFixture(string name, NotifyEndpoint? notify = null)
    {
        var path = RepositoryFiles.Snapshot(name);
        var inventory = Snapshot.Parse(File.ReadAllText(path), path);
        var result = new ChainEvaluator(EvaluationOptions.Default).Evaluate(inventory, ControlCatalog.Default.All);
        var options = new PlanOptions(Notify: notify ?? new NotifyEndpoint("email", "sec@example.com"));
        return new Planner(EvaluationOptions.Default, options).Plan(inventory, result, ControlCatalog.Default.All);
    }

    public static RemediationPlan Of(params PlanStep[] steps) => new(PlanOptions.Default, steps, [], [], []);

    public const string Account = "111111111111";
    public const string Region = "us-east-1";

    /// <summary>The reason a hand-built step carries; renderers do not read it.</summary>
    public const ReasonCode Why = ReasonCode.NoMetricFilter;

    public static string Render(IPlanRenderer renderer, RemediationPlan plan, RenderOptions? options = null)
    {
        using var output = new StringWriter();
        renderer.Write(plan, options ?? RenderOptions.Default, output);
        return output.ToString();
    }
}
