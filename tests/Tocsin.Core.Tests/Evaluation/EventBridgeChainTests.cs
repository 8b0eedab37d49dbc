using Tocsin.Core.Controls;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Patterns.Verdicts;
using static Tocsin.Core.Tests.Evaluation.EventBridgeAccounts;

namespace Tocsin.Core.Tests.Evaluation;

public class EventBridgeChainTests
{
    private static readonly string[] TwoRegions = ["eu-west-1", "us-east-1"];

    [Fact]
    public void An_account_alerting_through_eventbridge_in_every_region_passes_when_that_evidence_is_accepted()
    {
        var finding = Evaluate(Everywhere(regions: TwoRegions));

        finding.Outcome.ShouldBe(Outcome.Pass);
        finding.Chain.ShouldBe(AlertChain.EventBridge);
        finding.Region.ShouldBe("us-east-1");
        finding.Evidence.Chain.ShouldBe(["arn:aws:events:us-east-1:111111111111:rule/console-signin-without-mfa", TopicArn, TopicArn + ":0b6941c7-5d4f-4a3b-9c1e-7f2d8e6a1b20"]);
        finding.Evidence.Candidates.ShouldBe(["arn:aws:events:eu-west-1:111111111111:rule/console-signin-without-mfa"]);
        finding.OtherChain!.Chain.ShouldBe(AlertChain.MetricFilter);
        finding.OtherChain.Reasons.ShouldBe([ReasonCode.NoTrail]);
        finding.Message.ShouldContain("alerts through EventBridge in every region in scope");
        finding.Message.ShouldContain("the metric-filter chain fails (no-trail)");
    }

    [Fact]
    public void A_rule_whose_topic_is_in_another_region_delivers_nothing_there_and_fails()
    {
        var inventory = Build(new Dictionary<string, EventRule[]>
        {
            ["us-east-1"] = [Rule("us-east-1")],
            ["eu-west-1"] = [Rule("eu-west-1", targets: ToTopic(TopicArn))],
        });

        var finding = Evaluate(inventory);

        finding.Outcome.ShouldBe(Outcome.Fail);
        finding.Reasons.ShouldContain(ReasonCode.EventBridgeNoTarget);
        finding.Message.ShouldContain("a rule's targets must be in the rule's own region");
    }

    [Fact]
    public void The_same_account_fails_the_metric_filter_chain_without_accept_and_says_the_eventbridge_chain_would_pass()
    {
        var finding = Evaluate(Everywhere(regions: TwoRegions), accept: false);

        finding.Outcome.ShouldBe(Outcome.Fail);
        finding.Reasons.ShouldBe([ReasonCode.NoTrail]);
        finding.Chain.ShouldBe(AlertChain.MetricFilter);
        finding.Message.ShouldContain("the EventBridge chain would pass");
        finding.Message.ShouldContain("--accept eventbridge");
        finding.OtherChain!.Outcome.ShouldBe(Outcome.Pass);
    }

    [Fact]
    public void The_usual_anything_but_yes_value_is_judged_broader_and_passes_by_default_but_not_under_strict()
    {
        var inventory = Everywhere(regions: TwoRegions);

        Evaluate(inventory).Verdict.ShouldBe(VerdictKind.Broader);
        var strict = Evaluate(inventory, strict: true);
        strict.Outcome.ShouldBe(Outcome.Fail);
        strict.Reasons.ShouldContain(ReasonCode.EventBridgePatternInsufficient);
    }

    [Fact]
    public void Anything_but_a_list_is_judged_like_a_single_value()
    {
        const string pattern = """{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"],"detail":{"eventName":["ConsoleLogin"],"additionalEventData":{"MFAUsed":[{"anything-but":["Yes"]}]}}}""";

        var finding = Evaluate(Everywhere(pattern, TwoRegions));

        finding.Outcome.ShouldBe(Outcome.Pass);
        finding.Verdict.ShouldBe(VerdictKind.Broader);
    }

    [Fact]
    public void A_rule_with_only_source_and_detail_type_alerts_on_every_sign_in_and_passes_as_broader()
    {
        const string pattern = """{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"]}""";

        var finding = Evaluate(Everywhere(pattern, TwoRegions));

        finding.Outcome.ShouldBe(Outcome.Pass);
        finding.Verdict.ShouldBe(VerdictKind.Broader);
        finding.Pattern!.Extra.ShouldNotBeEmpty();
    }

    [Fact]
    public void A_pattern_equivalent_to_the_cis_filter_is_judged_equivalent_and_passes_under_strict()
    {
        const string pattern = """{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"],"detail":{"eventName":["ConsoleLogin"],"errorMessage":["Failed authentication"]}}""";

        var finding = Evaluate(Everywhere(pattern, TwoRegions), strict: true, control: ControlCatalog.Default.Find("console-auth-failures"));

        finding.Verdict.ShouldBe(VerdictKind.Equivalent);
        finding.Outcome.ShouldBe(Outcome.Pass);
    }

    [Fact]
    public void A_rule_on_mfa_used_no_is_tuned_to_the_values_cloudtrail_writes_and_passes()
    {
        const string pattern = """{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"],"detail":{"eventName":["ConsoleLogin"],"additionalEventData":{"MFAUsed":["No"]}}}""";

        var finding = Evaluate(Everywhere(pattern, TwoRegions));

        finding.Verdict.ShouldBe(VerdictKind.Tuned);
        finding.Outcome.ShouldBe(Outcome.Pass);
    }

    [Fact]
    public void A_disabled_rule_fails_with_eventbridge_rule_disabled()
    {
        var inventory = Build(new Dictionary<string, EventRule[]> { ["us-east-1"] = [Rule("us-east-1", state: EventRuleState.Disabled)] });

        var finding = Evaluate(inventory);

        finding.Outcome.ShouldBe(Outcome.Fail);
        finding.Reasons.ShouldContain(ReasonCode.EventBridgeRuleDisabled);
        finding.Message.ShouldContain("rule console-signin-without-mfa in us-east-1 is disabled");
    }

    [Fact]
    public void A_rule_enabled_with_all_management_events_counts_as_enabled()
    {
        var inventory = Build(new Dictionary<string, EventRule[]> { ["us-east-1"] = [Rule("us-east-1", state: EventRuleState.EnabledWithAllCloudTrailManagementEvents)] });

        Evaluate(inventory).Outcome.ShouldBe(Outcome.Pass);
    }

    [Fact]
    public void A_rule_without_a_target_fails_with_eventbridge_no_target()
    {
        var rule = Rule("us-east-1") with { Targets = Observed.Known<IReadOnlyList<EventTarget>>([]) };

        var finding = Evaluate(Build(new Dictionary<string, EventRule[]> { ["us-east-1"] = [rule] }));

        finding.Reasons.ShouldContain(ReasonCode.EventBridgeNoTarget);
        finding.Outcome.ShouldBe(Outcome.Fail);
    }

    [Fact]
    public void A_topic_with_only_the_default_policy_fails_for_eventbridge()
    {
        var inventory = Build(new Dictionary<string, EventRule[]> { ["us-east-1"] = [Rule("us-east-1")] }, Topic(DefaultPolicy));

        var finding = Evaluate(inventory);

        finding.Outcome.ShouldBe(Outcome.Fail);
        finding.Reasons.ShouldContain(ReasonCode.EventBridgeTopicPolicyDenies);
        finding.Message.ShouldContain("does not let events.amazonaws.com publish");
    }

    [Fact]
    public void A_topic_encrypted_with_the_aws_managed_key_fails_for_eventbridge()
    {
        var topic = Topic() with { KmsMasterKeyId = Observed.Known<string?>("alias/aws/sns") };

        var finding = Evaluate(Build(new Dictionary<string, EventRule[]> { ["us-east-1"] = [Rule("us-east-1")] }, topic));

        finding.Reasons.ShouldContain(ReasonCode.EventBridgeTopicPolicyDenies);
        finding.Message.ShouldContain("aws/sns");
    }

    [Fact]
    public void A_customer_managed_key_that_allows_eventbridge_passes()
    {
        const string keyPolicy = """{"Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":["kms:Decrypt","kms:GenerateDataKey*"],"Resource":"*"}]}""";
        var topic = Topic() with { KmsMasterKeyId = Observed.Known<string?>("arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab"), KeyPolicy = Observed.Known<string?>(keyPolicy) };

        Evaluate(Build(new Dictionary<string, EventRule[]> { ["us-east-1"] = [Rule("us-east-1")] }, topic)).Outcome.ShouldBe(Outcome.Pass);
    }

    [Fact]
    public void A_topic_without_a_confirmed_subscription_fails_with_no_confirmed_subscription()
    {
        var finding = Evaluate(Build(new Dictionary<string, EventRule[]> { ["us-east-1"] = [Rule("us-east-1")] }, Topic(confirmed: false)));

        finding.Reasons.ShouldContain(ReasonCode.NoConfirmedSubscription);
        finding.Message.ShouldContain("pending confirmation");
    }

    [Fact]
    public void A_sign_in_rule_that_asks_for_api_calls_never_fires()
    {
        const string pattern = """{"source":["aws.signin"],"detail-type":["AWS API Call via CloudTrail"],"detail":{"eventName":["ConsoleLogin"]}}""";

        var finding = Evaluate(Everywhere(pattern, "us-east-1"));

        finding.Outcome.ShouldBe(Outcome.Fail);
        finding.Reasons.ShouldBe([ReasonCode.NoTrail, ReasonCode.EventBridgePatternNeverFires]);
        finding.Message.ShouldContain("arrive with detail-type `AWS Console Sign In via CloudTrail`");
    }

    [Fact]
    public void A_rule_that_only_catches_federated_sign_ins_is_insufficient_and_names_what_it_misses()
    {
        const string pattern = """{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"],"detail":{"eventName":["ConsoleLogin"],"userIdentity":{"type":["AssumedRole"]}}}""";

        var finding = Evaluate(Everywhere(pattern, "us-east-1"));

        finding.Outcome.ShouldBe(Outcome.Fail);
        finding.Reasons.ShouldBe([ReasonCode.NoTrail, ReasonCode.EventBridgePatternInsufficient]);
        finding.OtherChain!.Message.ShouldContain("iam-user-no-mfa");
    }

    [Fact]
    public void A_rule_for_another_control_is_not_an_insufficient_rule_for_this_one()
    {
        const string failedSignIns = """{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"],"detail":{"eventName":["ConsoleLogin"],"errorMessage":["Failed authentication"]}}""";

        var finding = Evaluate(Everywhere(failedSignIns, "us-east-1"));

        finding.Reasons.ShouldBe([ReasonCode.NoTrail, ReasonCode.EventBridgeRegionGap]);
    }

    [Fact]
    public void An_unrelated_rule_is_not_judged_as_a_sign_in_rule()
    {
        const string guardDuty = """{"source":["aws.guardduty"],"detail-type":["GuardDuty Finding"]}""";
        var inventory = Build(new Dictionary<string, EventRule[]> { ["us-east-1"] = [Rule("us-east-1", guardDuty, name: "guardduty")] });

        var finding = Evaluate(inventory);

        finding.Reasons.ShouldBe([ReasonCode.NoTrail, ReasonCode.EventBridgeRegionGap]);
        finding.Message.ShouldContain("no EventBridge rule on the default bus in us-east-1 alerts on them");
    }

    [Fact]
    public void A_rule_missing_in_us_east_1_leaves_root_and_global_sign_ins_unheard()
    {
        var inventory = Build(new Dictionary<string, EventRule[]> { ["eu-west-1"] = [Rule("eu-west-1")] }, regions: TwoRegions);

        var finding = Evaluate(inventory);

        finding.Outcome.ShouldBe(Outcome.Fail);
        finding.Reasons.ShouldContain(ReasonCode.EventBridgeRegionGap);
        finding.Message.ShouldContain("events recorded in us-east-1 reach no EventBridge rule that alerts");
    }

    [Fact]
    public void A_rule_missing_in_another_region_in_scope_is_a_region_gap_naming_that_region()
    {
        var inventory = Build(new Dictionary<string, EventRule[]> { ["us-east-1"] = [Rule("us-east-1")] }, regions: ["eu-west-1", "ap-southeast-2", "us-east-1"]);

        var finding = Evaluate(inventory);

        finding.Outcome.ShouldBe(Outcome.Fail);
        finding.Reasons.ShouldBe([ReasonCode.NoTrail, ReasonCode.EventBridgeRegionGap]);
        finding.OtherChain!.Message.ShouldContain("events recorded in ap-southeast-2, eu-west-1 reach no EventBridge rule");
    }

    [Fact]
    public void A_region_that_forwards_to_a_bus_with_an_alerting_rule_is_covered()
    {
        var forward = Rule("eu-west-1", targets: new EventTarget("forward", "arn:aws:events:us-east-1:111111111111:event-bus/default", Observed.Known<string?>(RoleArn), EventTargetInput.MatchedEvent));
        var inventory = Build(new Dictionary<string, EventRule[]> { ["us-east-1"] = [Rule("us-east-1")], ["eu-west-1"] = [forward] }, roles: [Role("events:PutEvents", "arn:aws:events:us-east-1:111111111111:event-bus/default")]);

        var finding = Evaluate(inventory);

        finding.Outcome.ShouldBe(Outcome.Pass);
        finding.Message.ShouldContain("and in eu-west-1");
    }

    [Fact]
    public void A_forward_to_a_bus_in_an_account_that_was_not_scanned_cannot_be_decided()
    {
        var forward = Rule("eu-west-1", targets: new EventTarget("forward", "arn:aws:events:us-east-1:999999999999:event-bus/default", Observed.Known<string?>(null), EventTargetInput.MatchedEvent));
        var inventory = Build(new Dictionary<string, EventRule[]> { ["us-east-1"] = [Rule("us-east-1")], ["eu-west-1"] = [forward] });

        var finding = Evaluate(inventory);

        finding.Outcome.ShouldBe(Outcome.Error);
        finding.Chain.ShouldBe(AlertChain.EventBridge);
    }

    [Fact]
    public void A_target_with_a_role_that_trusts_eventbridge_and_may_publish_passes()
    {
        var rule = Rule("us-east-1", targets: ToTopic(roleArn: RoleArn));

        // The topic's default policy would drop what EventBridge sends as itself; the role publishes instead.
        var finding = Evaluate(Build(new Dictionary<string, EventRule[]> { ["us-east-1"] = [rule] }, Topic(DefaultPolicy), [Role("sns:Publish", TopicArn)]));

        finding.Outcome.ShouldBe(Outcome.Pass);
    }

    [Fact]
    public void A_target_role_without_sns_publish_fails_with_eventbridge_topic_policy_denies()
    {
        var rule = Rule("us-east-1", targets: ToTopic(roleArn: RoleArn));

        var finding = Evaluate(Build(new Dictionary<string, EventRule[]> { ["us-east-1"] = [rule] }, roles: [Role("sqs:SendMessage", "*")]));

        finding.Reasons.ShouldContain(ReasonCode.EventBridgeTopicPolicyDenies);
        finding.Message.ShouldContain("is not allowed sns:Publish");
    }

    [Fact]
    public void A_target_role_whose_policies_could_not_be_read_leaves_the_outcome_undecided()
    {
        var rule = Rule("us-east-1", targets: ToTopic(roleArn: RoleArn));
        var role = Role("sns:Publish", TopicArn) with { AttachedPolicies = Observed.Unknown<IReadOnlyList<RolePolicy>>(UnknownReason.AccessDenied, "iam:ListAttachedRolePolicies") };

        var finding = Evaluate(Build(new Dictionary<string, EventRule[]> { ["us-east-1"] = [rule] }, roles: [role]));

        finding.Outcome.ShouldBe(Outcome.Error);
        finding.Reasons.ShouldBe([ReasonCode.AccessDenied]);
    }

    [Fact]
    public void A_lambda_target_is_delivery_tocsin_cannot_prove()
    {
        var rule = Rule("us-east-1", targets: new EventTarget("page", "arn:aws:lambda:us-east-1:111111111111:function:page-oncall", Observed.Known<string?>(null), EventTargetInput.MatchedEvent));

        var finding = Evaluate(Build(new Dictionary<string, EventRule[]> { ["us-east-1"] = [rule] }));

        finding.Outcome.ShouldBe(Outcome.Error);
        finding.Reasons.ShouldBe([ReasonCode.Unresolved]);
        finding.Message.ShouldContain("a Lambda function");
    }

    [Fact]
    public void Rules_that_were_not_read_leave_an_accepted_chain_undecided_never_failing()
    {
        var inventory = Everywhere(regions: "us-east-1");
        var account = inventory.Accounts[0];
        var unread = account with { Regions = Observed.Known<IReadOnlyList<Region>>([.. account.Regions.Value.Select(r => r with { EventRules = Region.EventRulesWhenAbsent })]) };

        var finding = Evaluate(inventory with { Accounts = [unread] });

        finding.Outcome.ShouldBe(Outcome.Error);
        finding.Reasons.ShouldBe([ReasonCode.Unavailable]);
        finding.OtherChain!.Reasons.ShouldBe([ReasonCode.NoTrail]);
    }

    [Fact]
    public void An_enabled_rule_does_not_see_the_read_only_events_an_api_call_control_alerts_on()
    {
        var control = ControlCatalog.Default.Find("unauthorized-api-calls")!;
        const string pattern = """{"detail":{"errorCode":[{"prefix":"AccessDenied"},"UnauthorizedOperation",{"wildcard":"*UnauthorizedOperation"},{"wildcard":"AccessDenied*"}]}}""";
        var inventory = Everywhere(pattern, "us-east-1");

        var enabled = Evaluate(inventory, control: control);
        var all = Evaluate(Build(new Dictionary<string, EventRule[]> { ["us-east-1"] = [Rule("us-east-1", pattern, EventRuleState.EnabledWithAllCloudTrailManagementEvents)] }), control: control);

        enabled.Outcome.ShouldBe(Outcome.Fail);
        enabled.Reasons.ShouldBe([ReasonCode.NoTrail, ReasonCode.EventBridgePatternInsufficient]);
        enabled.OtherChain!.Message.ShouldContain("receives no read-only management events from CloudTrail");
        all.Message.ShouldNotContain("receives no read-only management events");
    }

    private static IamRole Role(string action, string resource) => new(
        RoleArn,
        "eventbridge-to-sns",
        Observed.Known<string?>("""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""),
        Observed.Known<IReadOnlyList<RolePolicy>>([new RolePolicy("deliver", null, $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"{{action}}","Resource":"{{resource}}"}]}""")]),
        Observed.Known<IReadOnlyList<RolePolicy>>([]),
        Observed.None<string>());
}
