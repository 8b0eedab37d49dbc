using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Rendering;

/// <summary>
/// The plan as Terraform (1.5 or later, hashicorp/aws 5.x): a provider alias per account and region, a resource per
/// new thing, an <c>import</c> block wherever a step changes something that exists and the plan describes all of it
/// (an alarm sent back whole, a topic or key policy). What Terraform cannot change without owning more than the plan
/// knows (an existing trail) is a comment with the one AWS CLI command to run.
/// </summary>
public sealed class TerraformRenderer : IPlanRenderer
{
    public string Format => "terraform";

    public void Write(RemediationPlan plan, RenderOptions options, TextWriter output)
    {
        output.Write(TerraformPreamble.Text);
        foreach (var (accountId, region) in plan.Steps.Select(s => (s.AccountId, s.Region)).Distinct())
        {
            output.WriteLine();
            new HclBlock("provider \"aws\"")
                .SetString("alias", HclText.ProviderAlias(accountId, region))
                .SetString("region", region)
                .Set("allowed_account_ids", HclText.List([accountId]))
                .Write(output);
        }

        var resources = new TerraformSteps(plan);
        var number = 0;
        foreach (var step in plan.Steps)
        {
            output.WriteLine();
            output.WriteLine($"# {++number}. {ShellWords.Comment(step.Describe())} [{step.ReasonCodeText}]");
            resources.Write(step, output);
        }
    }
}
