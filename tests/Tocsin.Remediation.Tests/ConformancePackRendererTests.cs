using System.Text;
using Tocsin.Remediation.Rendering;
using static Tocsin.Remediation.Tests.CloudFormationYaml;

namespace Tocsin.Remediation.Tests;

public sealed class ConformancePackRendererTests
{
    private static readonly ConformancePackRenderer Renderer = new();

    [SkippableTheory]
    [InlineData("no-trail")]
    [InlineData("good")]
    [InlineData("access-denied-account")]
    public void The_conformance_pack_passes_cfn_lint_holds_only_config_rules_and_fits_the_template_limit(string fixture)
    {
        var output = CloudFormationPlans.Render(Renderer, CloudFormationPlans.FromFixture(fixture));

        CloudFormationLint.ShouldPass(output, "conformance-pack-" + fixture);
        Resources(output).Values.Cast<Dictionary<object, object>>().ShouldAllBe(r => (string)r["Type"] == "AWS::Config::ConfigRule" || (string)r["Type"] == "AWS::Config::RemediationConfiguration");
        Encoding.UTF8.GetByteCount(output).ShouldBeLessThanOrEqualTo(ConformancePackRenderer.MaxTemplateBytes);
    }

    [Fact]
    public void The_pack_checks_the_trail_and_alarm_actions_with_managed_rules_that_do_not_demand_insufficient_data_actions()
    {
        var output = CloudFormationPlans.Render(Renderer, CloudFormationPlans.FromFixture("no-trail"));

        var identifiers = OfType(output, "AWS::Config::ConfigRule").Select(r => (string)((Dictionary<object, object>)Properties(r)["Source"])["SourceIdentifier"]).ToList();
        identifiers.ShouldContain("MULTI_REGION_CLOUD_TRAIL_ENABLED");
        identifiers.ShouldContain("CLOUD_TRAIL_CLOUD_WATCH_LOGS_ENABLED");
        var alarmCheck = Properties(OfType(output, "AWS::Config::ConfigRule").Single(r => (string)((Dictionary<object, object>)Properties(r)["Source"])["SourceIdentifier"] == "CLOUDWATCH_ALARM_ACTION_CHECK"));
        var inputs = (Dictionary<object, object>)alarmCheck["InputParameters"];
        inputs["alarmActionRequired"].ShouldBe("true");
        inputs["insufficientDataActionRequired"].ShouldBe("false");
    }

    [Fact]
    public void Every_planned_control_is_a_process_check_fed_by_tocsin_scan()
    {
        var plan = CloudFormationPlans.FromFixture("no-trail");
        var output = CloudFormationPlans.Render(Renderer, plan);

        var checks = OfType(output, "AWS::Config::ConfigRule").Select(Properties)
            .Where(r => (string)((Dictionary<object, object>)r["Source"])["SourceIdentifier"] == "AWS_CONFIG_PROCESS_CHECK").ToList();
        checks.Select(c => (string)c["ConfigRuleName"]).ShouldBe(plan.Fixes.Select(f => "tocsin-" + f.ControlId).Distinct(), ignoreOrder: true);
        checks.ShouldAllBe(c => ((string)c["Description"]).Contains("put-external-evaluation"));
    }

    [Fact]
    public void The_deploy_command_puts_an_organization_pack_through_an_awsconfigconforms_bucket()
    {
        var output = CloudFormationPlans.Render(Renderer, CloudFormationPlans.FromFixture("no-trail"));

        output.ShouldContain("#   aws configservice put-organization-conformance-pack --organization-conformance-pack-name tocsin-cis-monitoring --template-body file://tocsin-conformance-pack.yaml --delivery-s3-bucket awsconfigconforms-EXAMPLE\n");
    }
}
