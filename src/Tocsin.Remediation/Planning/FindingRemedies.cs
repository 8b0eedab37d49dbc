using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rendering;

namespace Tocsin.Remediation.Planning;

/// <summary>
/// The plan for one failing finding on its own, for reports that show each finding's fix beside it: the steps in
/// words and the AWS CLI commands that make them. The same planner and inventory as <c>tocsin remediate</c>, so the
/// fix a report shows is the one remediate would make for that account and control.
/// </summary>
public sealed class FindingRemedies(CloudInventory inventory, EvaluationOptions evaluation, PlanOptions? options = null)
{
    private readonly Planner _planner = new(evaluation, options ?? PlanOptions.Default);

    /// <summary>The fix for a failing, unsuppressed finding of a catalog control; null for any other finding.</summary>
    public FindingRemedy? For(Finding finding)
    {
        if (finding.Outcome != Outcome.Fail || finding.Suppressed || ControlCatalog.Default.Find(finding.ControlId) is not { } control)
        {
            return null;
        }

        var plan = _planner.Plan(inventory, RunResult.Of([finding]), [control]);
        var commands = new CliStepCommands(CliStepCommands.PlainCommand);
        IReadOnlyList<string> steps =
        [
            .. plan.Steps.Select(step => step.Describe()),
            .. plan.Fixes.Select(fix => fix.Note).OfType<string>(),
            .. plan.Warnings,
        ];
        return new FindingRemedy(steps, [.. plan.Steps.SelectMany(step => commands.Lines(step))]);
    }
}

/// <summary>One finding's fix: each step in words, then the AWS CLI lines that make them.</summary>
public sealed record FindingRemedy(IReadOnlyList<string> Steps, IReadOnlyList<string> Commands);
