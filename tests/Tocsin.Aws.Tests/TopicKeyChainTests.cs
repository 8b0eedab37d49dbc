using Amazon.Runtime;
using Tocsin.Aws.Collection;
using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Aws.Tests;

/// <summary>
/// A topic encrypted with a customer managed key, built in the emulator, collected with the Collector and judged by
/// the chain evaluator: the key policy decides whether the alarm's notification arrives.
/// </summary>
public class TopicKeyChainTests
{
    private const string Account = "111111111111";

    private const string OneTopic = """
                  - { name: no-mfa, metricName: ConsoleSigninWithoutMFA, namespace: CISBenchmark, actions: [alarms] }
                topics:
                  - name: alarms
                    kmsKey:
        """;

    private static string ScenarioWithKey(string keyLines, string topics = OneTopic) => $$"""
        regions: [us-east-1]
        accounts:
          - id: "{{Account}}"
            name: security
            email: sec@example.com
            accessKeys:
              - { id: AKIAKEYCHAIN00000001, secret: key-chain-secret, user: auditor }
            regions:
              us-east-1:
                trails:
                  - { name: main, logGroup: trail-logs }
                logGroups:
                  - name: trail-logs
                    metricFilters:
                      - { name: no-mfa, pattern: '{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
                          metricName: ConsoleSigninWithoutMFA, namespace: CISBenchmark, value: "1" }
                alarms:
        {{topics}}
        {{keyLines}}
                    subscriptions:
                      - { protocol: email, endpoint: sec@example.com, confirmed: true }
        """;

    private static async Task<(Finding Finding, Core.Inventory.Topic Topic)> CollectAndEvaluateAsync(string keyLines, string? faults = null)
    {
        var (finding, result) = await CollectAsync(ScenarioWithKey(keyLines), faults);
        return (finding, result.Inventory.FindAccount(Account)!.FindRegion("us-east-1")!.Topics.Value.Single());
    }

    private static async Task<(Finding Finding, CollectResult Result)> CollectAsync(string scenario, string? faults = null)
    {
        var plan = faults is null ? null : Emulator.Faults.FaultPlan.Parse(faults, "faults.yaml");
        await using var emulator = await EmulatorHost.StartAsync(Scenario.Parse(scenario, "topic-key.yaml"), plan, port: 0);
        var request = new CollectRequest
        {
            StartingCredentials = new BasicAWSCredentials("AKIAKEYCHAIN00000001", "key-chain-secret"),
            Credentials = new Credentials.CredentialOptions(Region: "us-east-1"),
            EndpointUrl = emulator.Endpoint,
            Regions = ["us-east-1"],
        };
        var result = await DemoOrganization.Collector().CollectAsync(request);
        var account = result.Inventory.FindAccount(Account)!;
        return (new ChainEvaluator(EvaluationOptions.Default).Evaluate(result.Inventory, account, ControlCatalog.Default.Find("console-signin-without-mfa")!), result);
    }

    [Fact]
    public async Task A_topic_whose_customer_managed_key_lets_cloudwatch_use_it_passes()
    {
        var (finding, topic) = await CollectAndEvaluateAsync("              alias: alias/alarms");

        topic.KmsMasterKeyId.Value.ShouldBe("alias/alarms");
        topic.KeyPolicy.Value!.ShouldContain("cloudwatch.amazonaws.com");
        topic.KeyPolicy.Source!.Arn!.ShouldStartWith($"arn:aws:kms:us-east-1:{Account}:key/");
        finding.Outcome.ShouldBe(Outcome.Pass);
    }

    [Fact]
    public async Task A_topic_whose_customer_managed_key_keeps_cloudwatch_out_fails()
    {
        const string rootOnly = $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Account}}:root"},"Action":"kms:*","Resource":"*"}]}""";

        var (finding, _) = await CollectAndEvaluateAsync($"              policy: '{rootOnly}'");

        finding.Outcome.ShouldBe(Outcome.Fail);
        finding.Reasons.ShouldBe([ReasonCode.TopicKeyDeniesCloudWatch]);
        finding.Message.ShouldContain("does not allow cloudwatch.amazonaws.com kms:Decrypt and kms:GenerateDataKey*");
    }

    [Fact]
    public async Task A_key_policy_that_cannot_be_read_is_unknown_with_the_reason_and_the_outcome_undecided()
    {
        var (finding, topic) = await CollectAndEvaluateAsync("              alias: alias/alarms", """
            accessDenied:
              - { operation: "kms:GetKeyPolicy", account: "*" }
            """);

        topic.KeyPolicy.Unknown!.Reason.ShouldBe(Core.Inventory.UnknownReason.AccessDenied);
        finding.Outcome.ShouldBe(Outcome.Error);
        finding.Reasons.ShouldBe([ReasonCode.AccessDenied]);
    }

    [Fact]
    public async Task Topics_sharing_a_key_read_its_policy_once()
    {
        const string twoTopics = """
                          - { name: no-mfa, metricName: ConsoleSigninWithoutMFA, namespace: CISBenchmark, actions: [alarms, more-alarms] }
                        topics:
                          - name: more-alarms
                            kmsKey: { alias: alias/shared }
                            subscriptions:
                              - { protocol: email, endpoint: ops@example.com, confirmed: true }
                          - name: alarms
                            kmsKey:
                """;

        var (finding, result) = await CollectAsync(ScenarioWithKey("              alias: alias/shared", twoTopics));

        finding.Outcome.ShouldBe(Outcome.Pass);
        var calls = result.Summary.Accounts.Single().ByAction;
        (calls["kms:DescribeKey"], calls["kms:GetKeyPolicy"]).ShouldBe((1, 1));
    }
}
