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

    private static string ScenarioWithKey(string keyLines) => $$"""
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
                  - { name: no-mfa, metricName: ConsoleSigninWithoutMFA, namespace: CISBenchmark, actions: [alarms] }
                topics:
                  - name: alarms
                    kmsKey:
        {{keyLines}}
                    subscriptions:
                      - { protocol: email, endpoint: sec@example.com, confirmed: true }
        """;

    private static async Task<(Finding Finding, Core.Inventory.Topic Topic)> CollectAndEvaluateAsync(string keyLines)
    {
        await using var emulator = await EmulatorHost.StartAsync(Scenario.Parse(ScenarioWithKey(keyLines), "topic-key.yaml"), faults: null, port: 0);
        var request = new CollectRequest
        {
            StartingCredentials = new BasicAWSCredentials("AKIAKEYCHAIN00000001", "key-chain-secret"),
            Credentials = new Credentials.CredentialOptions(Region: "us-east-1"),
            EndpointUrl = emulator.Endpoint,
            Regions = ["us-east-1"],
        };
        var result = await DemoOrganization.Collector().CollectAsync(request);
        var account = result.Inventory.FindAccount(Account)!;
        var topic = account.FindRegion("us-east-1")!.Topics.Value.Single();
        return (new ChainEvaluator(EvaluationOptions.Default).Evaluate(result.Inventory, account, ControlCatalog.Default.Find("console-signin-without-mfa")!), topic);
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
}
