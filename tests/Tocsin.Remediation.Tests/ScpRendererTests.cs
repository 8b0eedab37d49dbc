using System.Text.Json;
using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rendering;

using static Tocsin.Remediation.Tests.CloudFormationPlans;

namespace Tocsin.Remediation.Tests;

public sealed class ScpRendererTests
{
    private const string Admin = "arn:aws:iam::*:role/SecurityAdmin";
    private static readonly ScpRenderer Renderer = new();

    private static string Render(RemediationPlan plan, string? admin = Admin) => CloudFormationPlans.Render(Renderer, plan, new RenderOptions(admin));

    [Fact]
    public void Without_an_admin_role_the_scp_is_refused_with_a_message_naming_the_flag()
    {
        var refused = Should.Throw<PlanRenderException>(() => Render(CloudFormationPlans.FromFixture("no-trail"), admin: null));

        refused.ShouldBeAssignableTo<ArgumentException>();
        refused.Message.ShouldStartWith("--format scp needs --admin-role-arn");
    }

    [Fact]
    public void An_admin_role_that_is_not_a_role_arn_is_refused()
    {
        Should.Throw<PlanRenderException>(() => Render(CloudFormationPlans.Of(), "SecurityAdmin"))
            .Message.ShouldContain("is not an IAM role ARN");
    }

    [Theory]
    [MemberData(nameof(CloudFormationPlans.FixtureNames), MemberType = typeof(CloudFormationPlans))]
    public void Every_scp_is_minified_json_within_5120_characters_of_deny_statements_that_exempt_the_admin_and_stackset_roles(string fixture)
    {
        var policy = Render(CloudFormationPlans.FromFixture(fixture));

        policy.Length.ShouldBeLessThanOrEqualTo(5_120);
        policy.ShouldNotContain(" \"");
        policy.ShouldNotContain("\n");
        var statements = JsonDocument.Parse(policy).RootElement.GetProperty("Statement").EnumerateArray().ToList();
        statements.ShouldNotBeEmpty();
        foreach (var statement in statements)
        {
            statement.GetProperty("Effect").GetString().ShouldBe("Deny");
            var exempt = statement.GetProperty("Condition").GetProperty("ArnNotLike").GetProperty("aws:PrincipalARN").EnumerateArray().Select(e => e.GetString()).ToList();
            exempt.ShouldBe([Admin, "arn:aws:iam::*:role/stacksets-exec-*"]);
            statement.GetProperty("Resource").EnumerateArray().ShouldAllBe(r => r.GetString() != "*");
        }
    }

    [Fact]
    public void A_plan_naming_no_resources_still_protects_the_names_tocsin_gives_the_chain()
    {
        var resources = Resources(Render(CloudFormationPlans.Of()));

        resources.ShouldContain("arn:aws:cloudtrail:*:*:trail/tocsin-cis-trail");
        resources.ShouldContain("arn:aws:logs:*:*:log-group:tocsin-cloudtrail:*");
        resources.ShouldContain("arn:aws:sns:*:*:tocsin-cis-alarms");
        resources.ShouldContain("arn:aws:iam::*:role/TocsinCloudTrailToLogs");
        resources.ShouldContain("arn:aws:cloudwatch:*:*:alarm:cloudtrail-config-changes-alarm");
    }

    [Fact]
    public void The_resources_of_the_plan_are_protected_in_every_account_and_region()
    {
        var resources = Resources(Render(CloudFormationPlans.FromFixture("no-trail")));

        resources.ShouldContain("arn:aws:cloudtrail:*:*:trail/tocsin-cis-trail");
        resources.ShouldContain("arn:aws:s3:::tocsin-cloudtrail-111111111111-us-east-1");
        resources.ShouldContain("arn:aws:sns:*:*:security-alarms");
    }

    [Fact]
    public void Hostile_names_reach_the_policy_json_intact()
    {
        var plan = CloudFormationPlans.Of(new EnableAlarmActions(CloudFormationInjectionTests.Hostile, "arn:aws:cloudwatch:us-east-1:111111111111:alarm:x") { AccountId = Account, Region = Region, Reason = Why });

        Resources(Render(plan)).ShouldContain("arn:aws:cloudwatch:*:*:alarm:" + CloudFormationInjectionTests.Hostile);
    }

    private static List<string> Resources(string policy) =>
        [.. JsonDocument.Parse(policy).RootElement.GetProperty("Statement").EnumerateArray()
            .SelectMany(s => s.GetProperty("Resource").EnumerateArray()).Select(r => r.GetString()!)];
}
