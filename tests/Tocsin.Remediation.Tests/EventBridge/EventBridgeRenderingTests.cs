using System.Text.Json.Nodes;
using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rendering;

namespace Tocsin.Remediation.Tests.EventBridge;

/// <summary>The EventBridge chain in every format: templates the real linters accept, a policy guarding the rules, and a refusal where a format has no form.</summary>
public sealed class EventBridgeRenderingTests
{
    private static readonly PlanOptions ViaEventBridge = new(Notify: new NotifyEndpoint("email", "security@example.com"), Via: PlanVia.EventBridge);

    private static RemediationPlan Plan(string fixture = "topic-key-denies-cloudwatch") => FixturePlans.Plan(fixture, ViaEventBridge, [.. Core.Controls.ControlCatalog.Default.All]);

    private static string Render(RemediationPlan plan, string format, RenderOptions? options = null)
    {
        using var text = new StringWriter();
        PlanRenderers.Find(format)!.Write(plan, options ?? RenderOptions.Default, text);
        return text.ToString();
    }

    [SkippableFact]
    public void The_cloudformation_and_stackset_renderings_of_the_eventbridge_chain_pass_cfn_lint()
    {
        var plan = Plan();
        var templates = CloudFormationYaml.Split(Render(plan, "cloudformation")).Select((text, i) => (Name: $"account-stack-{i}", Text: text)).ToDictionary(t => t.Name, t => t.Text);
        templates["stackset"] = Render(plan, "stackset");

        templates.Count.ShouldBe(3);
        CloudFormationLint.ShouldAllPass(templates);
    }

    [Fact]
    public void The_cloudformation_rule_carries_the_pattern_state_and_the_topic_target()
    {
        var template = Render(FixturePlans.Plan("no-metric-filter", ViaEventBridge));

        var rule = CloudFormationYaml.Properties(CloudFormationYaml.OfType(CloudFormationYaml.Split(template)[0], "AWS::Events::Rule").Single());
        rule["Name"].ShouldBe("tocsin-console-signin-without-mfa");
        rule["State"].ShouldBe("ENABLED");
        rule["EventBusName"].ShouldBe("default");
        var pattern = (Dictionary<object, object>)rule["EventPattern"];
        pattern["source"].ShouldBe(new List<object> { "aws.signin" });
        var target = (Dictionary<object, object>)((List<object>)rule["Targets"]).Single();
        target["Id"].ShouldBe("tocsin-topic");

        static string Render(RemediationPlan plan) => EventBridgeRenderingTests.Render(plan, "cloudformation");
    }

    [Fact]
    public void The_stackset_deploys_to_every_region_in_scope_and_always_us_east_1()
    {
        var stackset = Render(FixturePlans.Plan("no-metric-filter", ViaEventBridge));

        stackset.ShouldContain("--regions eu-west-1 us-east-1");
        stackset.ShouldContain("events.amazonaws.com");
        stackset.ShouldContain("Type: \"AWS::Events::Rule\"");
        stackset.ShouldContain("--stack-set-name tocsin-eventbridge-chain");

        static string Render(RemediationPlan plan) => EventBridgeRenderingTests.Render(plan, "stackset");
    }

    [SkippableFact]
    public async Task Terraform_validates_the_eventbridge_rendering()
    {
        using var workspace = new TerraformWorkspace(Render(Plan(), "terraform"));
        var init = await workspace.RunAsync("init", "-input=false");
        init.ExitCode.ShouldBe(0, init.ToString());
        var validate = await workspace.RunAsync("validate");
        validate.ExitCode.ShouldBe(0, validate.ToString());
        validate.Output.ShouldContain("The configuration is valid");
    }

    [Fact]
    public void The_scp_denies_deleting_disabling_or_rewriting_the_rules_and_their_targets_to_all_but_the_admin_role()
    {
        var scp = JsonNode.Parse(Render(Plan(), "scp", new RenderOptions("arn:aws:iam::*:role/SecurityAdmin")))!;

        var statements = scp["Statement"]!.AsArray();
        var rules = statements.Single(s => s!["Sid"]!.GetValue<string>() == "TocsinProtectEventRules")!;
        rules["Action"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["events:DeleteRule", "events:DisableRule", "events:RemoveTargets", "events:PutRule", "events:PutTargets"]);
        rules["Resource"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldContain("arn:aws:events:*:*:rule/tocsin-console-signin-without-mfa");
        statements.Select(s => s!["Sid"]!.GetValue<string>()).ShouldNotContain("TocsinProtectTrail");
    }

    [Fact]
    public void The_conformance_pack_refuses_the_eventbridge_chain_in_words()
    {
        var refusal = Should.Throw<PlanRenderException>(() => Render(Plan(), "conformance-pack"));

        refusal.Message.ShouldStartWith("--format conformance-pack has no form for --via eventbridge: AWS Config has no managed rule that checks an EventBridge rule's event pattern");
    }

    [Fact]
    public void The_cli_script_puts_the_rule_and_checks_that_eventbridge_accepted_the_target()
    {
        var script = Render(FixturePlans.Plan("no-metric-filter", ViaEventBridge), "cli");

        script.ShouldContain("aws_cli events put-rule --region us-east-1 --cli-input-json '{\"Name\":\"tocsin-console-signin-without-mfa\"");
        script.ShouldContain("--query FailedEntryCount --output text)\"");
        script.ShouldContain("aws_cli sns set-topic-attributes --region us-east-1");
    }
}
