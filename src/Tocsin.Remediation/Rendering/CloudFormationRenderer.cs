using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rendering.Templates;

namespace Tocsin.Remediation.Rendering;

/// <summary>
/// The plan as CloudFormation: one template per account and region, in plan order. Each template starts with the
/// comment line <c># tocsin-template account=ACCOUNT region=REGION</c>; a plan for several accounts or regions is
/// those templates one after another, to be split at that line (YAML document separators would make one file that
/// no CloudFormation tool reads). Updates to existing trails, alarms and key policies follow each template as AWS CLI
/// commands in comments.
/// </summary>
public sealed class CloudFormationRenderer : IPlanRenderer
{
    /// <summary>The comment that starts each template.</summary>
    public const string Marker = "tocsin-template";

    public string Format => "cloudformation";

    public void Write(RemediationPlan plan, RenderOptions options, TextWriter output)
    {
        var first = true;
        foreach (var group in plan.Steps.GroupBy(s => (s.AccountId, s.Region)))
        {
            if (!first)
            {
                output.WriteLine();
            }

            first = false;
            var stack = new AccountStack(group.Key.AccountId, group.Key.Region, plan.Options.Via == PlanVia.EventBridge);
            foreach (var step in group)
            {
                stack.Add(step);
            }

            stack.Write(output);
        }

        if (first)
        {
            output.WriteLine(YamlText.Comment("Nothing to deploy: no finding fails."));
        }
    }
}
