using System.Text.Json.Nodes;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.EventBridge;
using Tocsin.Remediation.Planning;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Tests.EventBridge;

/// <summary>--via eventbridge plans a rule and an SNS target in every region read, on a topic EventBridge may publish to.</summary>
public sealed class EventBridgePlannerTests
{
    private static readonly PlanOptions ViaEventBridge = new(Via: PlanVia.EventBridge);

    [Fact]
    public void A_failing_sign_in_finding_gets_the_sign_in_rule_and_an_sns_target_in_every_region_read()
    {
        var plan = FixturePlans.Plan("no-metric-filter", ViaEventBridge);

        var rules = plan.Steps.OfType<PutEventRule>().ToList();
        rules.Select(r => r.Region).ShouldBe(["eu-west-1", "us-east-1"], ignoreOrder: true);
        rules.ShouldAllBe(r => r.RuleName == "tocsin-console-signin-without-mfa" && r.State == "ENABLED" && !r.Exists);
        rules.ShouldAllBe(r => r.EventPattern == EventRulePatterns.For("console-signin-without-mfa")!.Pattern);
        var targets = plan.Steps.OfType<PutEventTarget>().ToList();
        targets.Select(t => (t.Region, t.TopicArn.Split(':')[3])).ShouldAllBe(pair => pair.Region == pair.Item2);
        plan.Steps.OfType<PutMetricFilter>().ShouldBeEmpty();
        plan.Steps.OfType<PutAlarm>().ShouldBeEmpty();
    }

    [Fact]
    public void A_topic_with_a_confirmed_subscriber_is_reused_and_its_policy_keeps_every_statement_it_had()
    {
        var inventory = FixturePlans.Load("no-metric-filter");
        var topic = inventory.FindAccount("111111111111")!.FindRegion("us-east-1")!.Topics.Value.Single(t => t.Subscriptions.Value.Any(s => s.IsConfirmed));
        var before = JsonNode.Parse(topic.Policy.Value!)!["Statement"]!.AsArray();

        var plan = FixturePlans.Plan(inventory, ViaEventBridge);

        plan.Steps.OfType<PutEventTarget>().Single(t => t.Region == "us-east-1").TopicArn.ShouldBe(topic.Arn);
        plan.Steps.OfType<CreateTopic>().ShouldNotContain(c => c.Region == "us-east-1");
        var grant = plan.Steps.OfType<AllowEventBridgeToPublish>().Single(g => g.TopicArn == topic.Arn);
        var after = JsonNode.Parse(grant.Policy)!["Statement"]!.AsArray();
        after.Count.ShouldBe(before.Count + 1);
        foreach (var statement in before)
        {
            after.ShouldContain(s => JsonNode.DeepEquals(s, statement));
        }

        after.ShouldContain(s => s!["Principal"]!["Service"] != null && s["Principal"]!["Service"]!.GetValue<string>() == "events.amazonaws.com" && s["Action"]!.GetValue<string>() == "sns:Publish");
    }

    [Fact]
    public void A_topic_under_a_customer_managed_key_gets_EventBridge_added_to_the_key_policy_without_losing_a_statement()
    {
        var inventory = FixturePlans.Load("topic-key-denies-cloudwatch");
        var topic = inventory.FindAccount("111111111111")!.FindRegion("us-east-1")!.Topics.Value.Single(t => t.KmsMasterKeyId.Is(k => k is not null));
        var before = JsonNode.Parse(topic.KeyPolicy.Value!)!["Statement"]!.AsArray();

        var key = FixturePlans.Plan(inventory, ViaEventBridge).Steps.OfType<AllowEventBridgeToUseKey>().Single();

        key.KeyId.ShouldBe(topic.KmsMasterKeyId.Value);
        var after = JsonNode.Parse(key.Policy)!["Statement"]!.AsArray();
        after.Count.ShouldBe(before.Count + 1);
        after.ShouldContain(s => s!["Sid"]!.GetValue<string>() == AllowEventBridgeToUseKey.StatementId && s["Principal"]!["Service"]!.GetValue<string>() == "events.amazonaws.com");
    }

    [Fact]
    public void Once_the_plan_is_done_planning_again_puts_no_rule_target_or_grant()
    {
        var inventory = FixturePlans.Load("no-metric-filter");
        var options = ViaEventBridge with { Notify = new NotifyEndpoint("sqs", "arn:aws:sqs:eu-west-1:111111111111:alerts") };
        var plan = FixturePlans.Plan(inventory, options);
        var done = plan.Steps.Aggregate(inventory, InventoryProjection.Apply);

        var again = FixturePlans.Plan(done, options);

        again.Steps.ShouldBeEmpty(string.Join("\n", again.Steps.Select(s => s.Describe())));
    }

    [Fact]
    public void A_new_topic_with_nobody_named_to_receive_leaves_the_finding_failing_with_what_to_do()
    {
        var plan = FixturePlans.Plan("no-metric-filter", ViaEventBridge);

        var fix = plan.Fixes.Single();
        fix.After.ShouldBe("still-fails");
        fix.Note!.ShouldContain("--notify");
    }

    [Fact]
    public void With_a_recipient_that_needs_no_confirmation_the_finding_passes_once_eventbridge_is_accepted()
    {
        var plan = FixturePlans.Plan("no-metric-filter", ViaEventBridge with { Notify = new NotifyEndpoint("sqs", "arn:aws:sqs:eu-west-1:111111111111:alerts") });

        var fix = plan.Fixes.Single();
        fix.After.ShouldBe(EventBridgePlanner.AfterAccepted);
        fix.Note.ShouldBe("the rule's pattern is judged broader; the EventBridge chain counts under --accept eventbridge, and without it the metric-filter chain still fails with no-metric-filter");
    }

    [Fact]
    public void A_scope_without_us_east_1_is_warned_that_root_and_global_sign_ins_arrive_there()
    {
        var inventory = FixturePlans.Load("no-metric-filter");
        var findings = new ChainEvaluator(EvaluationOptions.Default).Evaluate(inventory, [FixturePlans.Seed]);
        var withoutUsEast1 = inventory with
        {
            Accounts = [.. inventory.Accounts.Select(a => a with { Regions = a.Regions.Select(rs => (IReadOnlyList<Region>)[.. rs.Where(r => r.Name != "us-east-1")]) })],
        };

        var plan = new Planner(EvaluationOptions.Default, ViaEventBridge).Plan(withoutUsEast1, findings, [FixturePlans.Seed]);

        plan.Steps.OfType<PutEventRule>().Select(r => r.Region).ShouldBe(["eu-west-1"]);

        plan.Warnings.ShouldContain(w => w.StartsWith("us-east-1 is not among the regions read for account 111111111111", StringComparison.Ordinal));
    }

    [Fact]
    public void Rules_of_api_call_controls_are_planned_with_the_warning_that_a_logging_trail_must_exist()
    {
        var plan = FixturePlans.Plan(FixturePlans.Load("no-metric-filter"), ViaEventBridge, [.. Core.Controls.ControlCatalog.Default.All.Where(c => c.Id is "iam-policy-changes" or "console-signin-without-mfa")]);

        plan.Steps.OfType<PutEventRule>().Select(r => r.ControlId).Distinct().ShouldBe(["console-signin-without-mfa", "iam-policy-changes"], ignoreOrder: true);
        plan.Warnings.ShouldContain("EventBridge receives API-call events (AWS API Call via CloudTrail) only while a CloudTrail trail is logging in the account: the rules of iam-policy-changes hear nothing without one");
    }
}
