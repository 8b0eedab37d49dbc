using Tocsin.Core.Controls;
using Tocsin.Core.EventPatterns;
using Tocsin.Core.Inventory;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Iac.Tests;

/// <summary>
/// EventBridge rules and their targets read from CloudFormation and Terraform into the inventory, with file and line,
/// and what <c>tocsin remediate --via eventbridge</c> writes read back as the rule it deploys.
/// </summary>
public sealed class EventRuleReadingTests
{
    private static readonly Control Seed = ControlCatalog.Default.Find("console-signin-without-mfa")!;

    /// <summary>The pattern remediate deploys for the seed control (Remediation's EventRulePatterns).</summary>
    private const string DeployedSignInPattern = """{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"],"detail":{"eventName":["ConsoleLogin"],"additionalEventData":{"MFAUsed":[{"anything-but":"Yes"}]}}}""";

    private static EventRule Rule(IacRead read, string name) => read.EventRules.Single(r => r.Name == name);

    [Fact]
    public void A_cloudformation_rule_is_read_with_its_object_pattern_state_default_bus_and_topic_target()
    {
        var read = CloudFormationTemplates.Fixture("eventbridge-signin.yaml");

        var rule = Rule(read, "signin-without-mfa");
        rule.Arn.ShouldBe("arn:aws:events:us-east-1:123456789012:rule/signin-without-mfa");
        rule.EventBusName.ShouldBe(EventRule.DefaultBus);
        rule.State.Value.ShouldBe(EventRuleState.Enabled);
        EventPatternJudge.Judge(rule.EventPattern.Value!, Seed).Kind.ShouldBe(VerdictKind.Broader);
        var target = rule.Targets.Value.ShouldHaveSingleItem();
        (target.Id, target.Arn, target.RoleArn.Value, target.Input.Value).ShouldBe(("alerts-topic", "arn:aws:sns:us-east-1:123456789012:signin-alerts", (string?)null, EventTargetInput.MatchedEvent));
        rule.Source!.ToString().ShouldBe("eventbridge-signin.yaml:30");
        read.Topics.Single(t => t.Arn == target.Arn).Policy.Value!.ShouldContain("events.amazonaws.com");
    }

    [Fact]
    public void A_cloudformation_pattern_written_as_a_json_string_a_bus_arn_and_a_role_target_are_read_as_written()
    {
        var rule = Rule(CloudFormationTemplates.Fixture("eventbridge-pattern-string.yaml"), "signin-json-string");

        rule.EventPattern.Value.ShouldBe("""{"source": ["aws.signin"], "detail-type": ["AWS Console Sign In via CloudTrail"]}""");
        rule.EventBusName.ShouldBe(EventRule.DefaultBus);
        rule.State.Value.ShouldBe(EventRuleState.Disabled);
        var target = rule.Targets.Value.ShouldHaveSingleItem();
        target.RoleArn.Value.ShouldBe("arn:aws:iam::123456789012:role/eventbridge-publisher");
        target.Input.Value.ShouldBe(EventTargetInput.Constant);
    }

    [Fact]
    public void A_cloudformation_pattern_known_only_at_deployment_is_unknown_with_the_reason()
    {
        var rule = Rule(CloudFormationTemplates.Fixture("eventbridge-pattern-string.yaml"), "signin-from-parameter");

        rule.EventPattern.IsKnown.ShouldBeFalse();
        rule.EventPattern.Unknown!.Reason.ShouldBe(UnknownReason.Unresolved);
        rule.EventPattern.Unknown.Detail!.ShouldStartWith("ParameterRule.EventPattern: ");
        rule.State.Value.ShouldBe(EventRuleState.Enabled);
    }

    [Fact]
    public void A_terraform_rule_is_read_with_its_jsonencoded_pattern_state_and_target()
    {
        var read = TerraformFixtures.Read("eventbridge-signin");

        var rule = Rule(read, "signin-without-mfa");
        rule.State.Value.ShouldBe(EventRuleState.Enabled);
        rule.EventBusName.ShouldBe(EventRule.DefaultBus);
        EventPatternJudge.Judge(rule.EventPattern.Value!, Seed).Kind.ShouldBe(VerdictKind.Broader);
        var target = rule.Targets.Value.ShouldHaveSingleItem();
        (target.Id, target.Arn, target.RoleArn.Value).ShouldBe(("alerts-topic", "arn:aws:sns:us-east-1:123456789012:signin-alerts", (string?)null));
        rule.Source!.File.ShouldEndWith("main.tf");
        rule.Source.Line.ShouldBe(40);
    }

    [Fact]
    public void A_terraform_rule_on_another_bus_keeps_its_own_targets()
    {
        var rule = Rule(TerraformFixtures.Read("eventbridge-signin"), "signin-old-style");

        rule.EventBusName.ShouldBe("central");
        rule.Arn.ShouldBe("arn:aws:events:us-east-1:123456789012:rule/central/signin-old-style");
        rule.State.Value.ShouldBe(EventRuleState.Disabled);
        var target = rule.Targets.Value.ShouldHaveSingleItem();
        target.RoleArn.Value.ShouldBe("arn:aws:iam::123456789012:role/eventbridge-publisher");
        target.Input.Value.ShouldBe(EventTargetInput.InputPath);
    }

    [Theory]
    [InlineData("is_enabled = false", EventRuleState.Disabled)]
    [InlineData("is_enabled = true", EventRuleState.Enabled)]
    [InlineData("", EventRuleState.Enabled)]
    [InlineData("state = \"ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS\"", EventRuleState.EnabledWithAllCloudTrailManagementEvents)]
    public void A_terraform_rule_state_is_read_from_state_or_the_older_is_enabled(string setting, EventRuleState state)
    {
        var read = Terraform.TerraformReader.Read([("main.tf", $$"""
            resource "aws_cloudwatch_event_rule" "r" {
              name          = "r"
              event_pattern = "{\"source\": [\"aws.signin\"]}"
              {{setting}}
            }
            """)], new IacSettings());

        Rule(read, "r").State.Value.ShouldBe(state);
    }

    [Fact]
    public void A_terraform_target_of_a_rule_not_known_before_apply_leaves_the_rules_targets_unknown()
    {
        var read = Terraform.TerraformReader.Read([("main.tf", """
            variable "rule" {}
            resource "aws_cloudwatch_event_rule" "r" {
              name          = "r"
              event_pattern = "{\"source\": [\"aws.signin\"]}"
            }
            resource "aws_cloudwatch_event_target" "t" {
              rule = var.rule
              arn  = "arn:aws:sns:us-east-1:123456789012:alerts"
            }
            """)], new IacSettings());

        var targets = Rule(read, "r").Targets;
        targets.IsKnown.ShouldBeFalse();
        targets.Unknown!.Detail!.ShouldStartWith("aws_cloudwatch_event_target.t targets a rule not known before apply");
    }

    [Fact]
    public void What_remediate_via_eventbridge_writes_as_cloudformation_reads_back_as_the_rule_it_deploys()
    {
        var rule = Rule(CloudFormationTemplates.Fixture("remediate-eventbridge.yaml", new IacSettings("111111111111")), "tocsin-console-signin-without-mfa");

        rule.State.Value.ShouldBe(EventRuleState.Enabled);
        rule.EventPattern.Value.ShouldBe(DeployedSignInPattern);
        rule.Targets.Value.ShouldHaveSingleItem().Arn.ShouldBe("arn:aws:sns:us-east-1:111111111111:security-alarms");
    }

    [Fact]
    public void What_remediate_via_eventbridge_writes_as_terraform_reads_back_as_the_rule_it_deploys()
    {
        var read = TerraformFixtures.Read("remediate-eventbridge");

        var rule = Rule(read, "tocsin-console-signin-without-mfa");
        rule.State.Value.ShouldBe(EventRuleState.Enabled);
        rule.EventPattern.Value.ShouldBe(DeployedSignInPattern);
        rule.Targets.Value.ShouldHaveSingleItem().Arn.ShouldBe("arn:aws:sns:us-east-1:111111111111:security-alarms");
        read.Topics.Single(t => t.Arn == "arn:aws:sns:us-east-1:111111111111:security-alarms").Policy.Value!.ShouldContain("events.amazonaws.com");
    }

    [Fact]
    public void The_inventory_of_a_repository_holds_its_rules_in_its_region()
    {
        var settings = new IacSettings();
        var inventory = IacInventory.Of(settings, CloudFormationTemplates.Fixture("eventbridge-signin.yaml"));

        inventory.FindAccount(settings.AccountId)!.FindRegion(settings.Region)!.EventRules.Value.Select(r => r.Name).ShouldBe(["signin-without-mfa"]);
    }
}
