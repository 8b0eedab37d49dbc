using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Planning;
using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rendering;
using Tocsin.Reports.Html;

namespace Tocsin.Dashboard.Pages;

/// <summary>
/// A finding's fix, planned as <c>tocsin remediate</c> plans it (default plan options) on the inventory the run read:
/// the steps in words, then the same plan as an AWS CLI script, a CloudFormation template and Terraform, each in a disclosure of its own. A finding
/// that passes, is suppressed or could not be decided has nothing to plan, and a run that kept no inventory cannot
/// be planned again; the page says which.
/// </summary>
internal static class RemedyView
{
    public static IReadOnlyList<(string Format, string Title)> Formats { get; } =
        [("cli", "AWS CLI"), ("cloudformation", "CloudFormation"), ("terraform", "Terraform")];

    public static void Write(HtmlBuilder html, Finding finding, Func<CloudInventory?> inventory) =>
        html.Block("section", [("class", "remedy")], () =>
        {
            html.Line("h3", "Remediation");
            if (Unplanned(finding) is { } why)
            {
                html.Line("p", [("class", "no-plan")], why);
                return;
            }

            var read = inventory();
            if (read?.FindAccount(finding.AccountId) is null)
            {
                html.Line("p", [("class", "no-plan")], read is null
                    ? "This run kept no inventory, so its fix cannot be planned again here: run `tocsin remediate` for this account to see the plan."
                    : $"The inventory this run kept does not hold account {finding.AccountId}, so its fix cannot be planned here: run `tocsin remediate` for this account.");
                return;
            }

            var control = ControlCatalog.Default.Find(finding.ControlId)!;
            var plan = new Planner(EvaluationOptions.Default, PlanOptions.Default).Plan(read, RunResult.Of([finding]), [control]);
            Steps(html, plan);
            // One disclosure per format, the first open: tabs that need no script.
            foreach (var (format, title) in Formats)
            {
                html.Block("details", [("class", "format"), ("data-format", format), ("open", format == Formats[0].Format ? "" : null)], () =>
                {
                    html.Line("summary", title);
                    html.Preformatted([("class", "plan " + format)], Render(plan, format), code: true);
                });
            }
        });

    /// <summary>Why nothing is planned for the finding, or null when it fails and its control is in the catalog.</summary>
    private static string? Unplanned(Finding finding) => finding switch
    {
        { SuppressedBy: { } exception } => $"Suppressed by the exception of {exception.Owner} until {exception.Expires:yyyy-MM-dd}: nothing is planned while it is in force.",
        { Outcome: Outcome.Pass } => "This finding passes: there is nothing to fix.",
        { Outcome: Outcome.Error } => "This finding could not be decided, so nothing is planned until the chain can be seen.",
        _ when ControlCatalog.Default.Find(finding.ControlId) is null => $"This build of Tocsin does not know the control {finding.ControlId}, so it cannot plan its fix.",
        _ => null,
    };

    private static void Steps(HtmlBuilder html, RemediationPlan plan)
    {
        IReadOnlyList<string> words =
        [
            .. plan.Steps.Select(step => step.Describe()),
            .. plan.Fixes.Select(fix => fix.Note).OfType<string>(),
            .. plan.Warnings,
        ];
        if (words.Count == 0)
        {
            html.Line("p", "No step can be planned for this finding.");
            return;
        }

        html.Block("ol", [("class", "steps")], () =>
        {
            foreach (var step in words)
            {
                html.Line("li", step);
            }
        });
    }

    private static string Render(RemediationPlan plan, string format)
    {
        using var text = new StringWriter();
        try
        {
            PlanRenderers.Find(format)!.Write(plan, RenderOptions.Default, text);
        }
        catch (PlanRenderException cannot)
        {
            return $"This plan cannot be written as {format}: {cannot.Message}";
        }

        return text.ToString();
    }
}
