using System.Text;
using Tocsin.Core.Controls;
using Tocsin.Remediation.Rendering;
using static Tocsin.Remediation.Tests.CloudFormationYaml;

namespace Tocsin.Remediation.Tests;

public sealed class StackSetRendererTests
{
    private static readonly StackSetRenderer Renderer = new();

    [SkippableFact]
    public void The_stackset_template_passes_cfn_lint_and_fits_a_template_body()
    {
        var output = CloudFormationPlans.Render(Renderer, CloudFormationPlans.FromFixture("no-trail"));

        CloudFormationLint.ShouldPass(output, "stackset");
        Encoding.UTF8.GetByteCount(output).ShouldBeLessThanOrEqualTo(51_200);
    }

    [Fact]
    public void The_stackset_deploys_a_filter_and_an_alarm_for_every_planned_control_on_the_log_group_parameter()
    {
        var plan = CloudFormationPlans.FromFixture("no-trail");
        var output = CloudFormationPlans.Render(Renderer, plan);

        var filters = OfType(output, "AWS::Logs::MetricFilter").Select(Properties).ToList();
        filters.Select(f => (string)f["FilterName"]).ShouldBe(plan.Fixes.Select(f => ControlCatalog.Default.All.Single(c => c.Id == f.ControlId).Remediation.FilterName).Distinct().Order(), ignoreOrder: true);
        filters.ShouldAllBe(f => (string)((Dictionary<object, object>)f["LogGroupName"])["Ref"] == "LogGroupName");
        OfType(output, "AWS::CloudWatch::Alarm").Count().ShouldBe(filters.Count);
        var subscription = Properties(OfType(output, "AWS::SNS::Subscription").Single());
        ((Dictionary<object, object>)subscription["Endpoint"])["Ref"].ShouldBe("NotifyEndpoint");
    }

    [Fact]
    public void The_commands_create_a_service_managed_stack_set_with_auto_deployment_and_name_its_prerequisites()
    {
        var output = CloudFormationPlans.Render(Renderer, CloudFormationPlans.FromFixture("no-trail"));

        output.ShouldContain("# 1. Once, from the management account, turn on trusted access for StackSets:\n#    aws cloudformation activate-organizations-access\n");
        output.ShouldContain("--permission-model SERVICE_MANAGED --auto-deployment Enabled=true,RetainStacksOnAccountRemoval=false --capabilities CAPABILITY_NAMED_IAM");
        output.ShouldContain("create-stack-instances --stack-set-name tocsin-cis-chain --deployment-targets OrganizationalUnitIds=");
        output.ShouldContain("--call-as DELEGATED_ADMIN");
        output.ShouldContain("never deploys to the management account");
    }

    [SkippableFact]
    public void A_plan_that_fixes_nothing_still_renders_the_whole_catalog_for_the_organization()
    {
        var output = CloudFormationPlans.Render(Renderer, CloudFormationPlans.Of());

        OfType(output, "AWS::CloudWatch::Alarm").Count().ShouldBe(ControlCatalog.Default.All.Count);
        CloudFormationLint.ShouldPass(output, "stackset-catalog");
    }
}
