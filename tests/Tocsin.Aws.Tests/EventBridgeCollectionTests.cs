using Amazon.Runtime;
using Tocsin.Aws.Collection;
using Tocsin.Core.Inventory;
using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Aws.Tests;

/// <summary>
/// EventBridge rules, their targets and the roles targets deliver as, built in the emulator and read by the Collector
/// when a scan asks for them.
/// </summary>
public class EventBridgeCollectionTests
{
    private const string Account = "111111111111";
    private const string TopicArn = $"arn:aws:sns:us-east-1:{Account}:security-alarms";

    private const string Scenario = """
        regions: [us-east-1, eu-west-1]
        accounts:
          - id: "111111111111"
            accessKeys:
              - { id: AKIAEVENTBRIDGE00001, secret: eventbridge-secret, user: auditor }
            roles:
              - name: eventbridge-publish
                trustPolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
                policies:
                  publish: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sns:Publish","Resource":"*"}]}'
            regions:
              us-east-1:
                topics:
                  - name: security-alarms
                rules:
                  - name: console-signin-without-mfa
                    pattern: '{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"]}'
                    targets:
                      - { id: alarms, arn: security-alarms }
                      - { id: relay, arn: "arn:aws:events:us-east-1:222222222222:event-bus/central", role: eventbridge-publish, inputTemplate: '"sign-in"' }
                  - name: signin-disabled
                    pattern: '{"source":["aws.signin"]}'
                    state: DISABLED
                  - name: nightly
                    schedule: rate(1 day)
        """;

    private static async Task<CollectResult> CollectAsync(string scenario = Scenario, bool eventBridge = true, string? faults = null)
    {
        var plan = faults is null ? null : Emulator.Faults.FaultPlan.Parse(faults, "faults.yaml");
        await using var emulator = await EmulatorHost.StartAsync(Emulator.Scenarios.Scenario.Parse(scenario, "eventbridge.yaml"), plan, port: 0);
        var request = new CollectRequest
        {
            StartingCredentials = new BasicAWSCredentials("AKIAEVENTBRIDGE00001", "eventbridge-secret"),
            Credentials = new Credentials.CredentialOptions(Region: "us-east-1"),
            EndpointUrl = emulator.Endpoint,
            Regions = ["us-east-1", "eu-west-1"],
            EventBridge = eventBridge,
        };
        return await DemoOrganization.Collector().CollectAsync(request);
    }

    private static Region RegionOf(CollectResult result, string region) => result.Inventory.FindAccount(Account)!.FindRegion(region)!;

    [Fact]
    public async Task Rules_on_the_default_bus_are_collected_with_their_state_pattern_and_targets()
    {
        var rules = RegionOf(await CollectAsync(), "us-east-1").EventRules.Value;

        rules.Select(r => (r.Name, r.State.Value)).ShouldBe(
        [
            ("console-signin-without-mfa", EventRuleState.Enabled),
            ("nightly", EventRuleState.Enabled),
            ("signin-disabled", EventRuleState.Disabled),
        ]);
        var signIn = rules[0];
        signIn.Arn.ShouldBe($"arn:aws:events:us-east-1:{Account}:rule/console-signin-without-mfa");
        signIn.EventBusName.ShouldBe(EventRule.DefaultBus);
        signIn.EventPattern.Value.ShouldBe("""{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"]}""");
        signIn.Targets.Value.Select(t => (t.Id, t.Arn, t.RoleArn.Value, t.Input.Value)).ShouldBe(
        [
            ("alarms", TopicArn, null, EventTargetInput.MatchedEvent),
            ("relay", "arn:aws:events:us-east-1:222222222222:event-bus/central", $"arn:aws:iam::{Account}:role/eventbridge-publish", EventTargetInput.Transformer),
        ]);
    }

    [Fact]
    public async Task A_scheduled_rule_is_collected_without_a_pattern_and_its_targets_are_not_read()
    {
        var nightly = RegionOf(await CollectAsync(), "us-east-1").EventRules.Value.Single(r => r.Name == "nightly");

        nightly.EventPattern.Value.ShouldBeNull();
        nightly.ScheduleExpression.Value.ShouldBe("rate(1 day)");
        nightly.Targets.Unknown!.Reason.ShouldBe(UnknownReason.NotCollected);
    }

    [Fact]
    public async Task A_region_without_rules_is_collected_as_known_and_empty()
    {
        RegionOf(await CollectAsync(), "eu-west-1").EventRules.Value.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_role_a_target_delivers_as_is_collected_with_its_trust_and_inline_policies()
    {
        var role = (await CollectAsync()).Inventory.FindAccount(Account)!.FindRole($"arn:aws:iam::{Account}:role/eventbridge-publish")!;

        role.Name.ShouldBe("eventbridge-publish");
        role.TrustPolicy.Value!.ShouldContain("events.amazonaws.com");
        role.InlinePolicies.Value.Select(p => (p.Name, p.Document.Value)).ShouldBe([("publish", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sns:Publish","Resource":"*"}]}""")]);
        role.AttachedPolicies.Value.ShouldBeEmpty();
        role.PermissionsBoundaryArn.Value.ShouldBeNull();
    }

    [Fact]
    public async Task A_target_role_that_does_not_exist_is_absent_from_the_roles_read()
    {
        var scenario = Scenario.Replace("role: eventbridge-publish", "role: deleted-role", StringComparison.Ordinal);

        var account = (await CollectAsync(scenario)).Inventory.FindAccount(Account)!;

        account.Roles.Value.ShouldBeEmpty();
        account.FindRole($"arn:aws:iam::{Account}:role/deleted-role").ShouldBeNull();
    }

    [Fact]
    public async Task A_denied_ListRules_makes_the_regions_rules_unknown_with_the_reason_never_empty()
    {
        var result = await CollectAsync(faults: """
            accessDenied:
              - { operation: "events:ListRules", account: "*", region: "us-east-1" }
            """);

        var rules = RegionOf(result, "us-east-1").EventRules;
        rules.IsKnown.ShouldBeFalse();
        rules.Unknown!.Reason.ShouldBe(UnknownReason.AccessDenied);
        rules.Unknown.Detail!.ShouldContain("events:ListRules");
        RegionOf(result, "eu-west-1").EventRules.IsKnown.ShouldBeTrue();
    }

    [Fact]
    public async Task A_denied_ListTargetsByRule_makes_only_that_rules_targets_unknown()
    {
        var result = await CollectAsync(faults: """
            accessDenied:
              - { operation: "events:ListTargetsByRule", account: "*", region: "*" }
            """);

        var signIn = RegionOf(result, "us-east-1").EventRules.Value.Single(r => r.Name == "console-signin-without-mfa");
        signIn.State.Value.ShouldBe(EventRuleState.Enabled);
        signIn.Targets.Unknown!.Reason.ShouldBe(UnknownReason.AccessDenied);
    }

    [Fact]
    public async Task A_denied_role_read_leaves_the_role_listed_with_unknown_policies()
    {
        var result = await CollectAsync(faults: """
            accessDenied:
              - { operation: "iam:*", account: "*", region: "*" }
            """);

        var role = result.Inventory.FindAccount(Account)!.FindRole($"arn:aws:iam::{Account}:role/eventbridge-publish")!;
        role.TrustPolicy.Unknown!.Reason.ShouldBe(UnknownReason.AccessDenied);
        role.InlinePolicies.Unknown!.Reason.ShouldBe(UnknownReason.AccessDenied);
    }

    [Fact]
    public async Task Every_page_of_rules_is_followed()
    {
        var many = string.Join("\n", Enumerable.Range(0, 130).Select(i => $"              - {{ name: rule-{i:D3}, pattern: '{{\"source\":[\"aws.signin\"]}}' }}"));
        var scenario = $$"""
            regions: [us-east-1, eu-west-1]
            accounts:
              - id: "111111111111"
                accessKeys:
                  - { id: AKIAEVENTBRIDGE00001, secret: eventbridge-secret, user: auditor }
                regions:
                  us-east-1:
                    rules:
            {{many}}
            """;

        var result = await CollectAsync(scenario);

        RegionOf(result, "us-east-1").EventRules.Value.Count.ShouldBe(130);
        // Two pages of at most 100 in us-east-1, one empty page in eu-west-1.
        result.Summary.Accounts.Single(a => a.AccountId == Account).ByAction["events:ListRules"].ShouldBe(3);
    }

    [Fact]
    public async Task Every_action_a_scan_reading_EventBridge_sends_is_declared_for_it()
    {
        var sent = (await CollectAsync()).Summary.Accounts.SelectMany(a => a.ByAction.Keys).Distinct().ToList();

        sent.ShouldBeSubsetOf(Clients.Permissions.All.Concat(Clients.Permissions.ForEventBridge));
        sent.ShouldContain("events:ListRules");
        sent.ShouldContain("iam:GetRole");
    }

    [Fact]
    public async Task A_scan_that_does_not_ask_for_EventBridge_makes_no_EventBridge_call_and_leaves_rules_not_collected()
    {
        var result = await CollectAsync(eventBridge: false);

        RegionOf(result, "us-east-1").EventRules.Unknown!.Reason.ShouldBe(UnknownReason.NotCollected);
        result.Inventory.FindAccount(Account)!.Roles.Unknown!.Reason.ShouldBe(UnknownReason.NotCollected);
        result.Summary.Accounts.SelectMany(a => a.ByAction.Keys).ShouldNotContain(action => action.StartsWith("events:") || action.StartsWith("iam:"));
    }
}
