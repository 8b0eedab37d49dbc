using System.Text.Json;
using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Cli.Tests;

/// <summary>
/// An account that alerts on console sign-ins through EventBridge rules and has no trail, built in the emulator and
/// scanned with and without <c>--accept eventbridge</c>; then the same account broken link by link.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public class EventBridgeScanTests : IAsyncLifetime
{
    private const string PublishPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"sns:Publish","Resource":"arn:aws:sns:REGION:111111111111:signin-alerts"}]}""";
    private const string AnythingButYes = """{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"],"detail":{"eventName":["ConsoleLogin"],"additionalEventData":{"MFAUsed":[{"anything-but":"Yes"}]}}}""";

    private static readonly string[] Variables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_PROFILE"];
    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(name => name, Environment.GetEnvironmentVariable);
    private readonly string _folder = Directory.CreateTempSubdirectory("tocsin-eventbridge-").FullName;
    private readonly List<EmulatorHost> _emulators = [];

    public Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIASIGNINALERTS0001");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "signin-alerts-secret");
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        foreach (var emulator in _emulators)
        {
            await emulator.DisposeAsync();
        }

        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>
    /// The account: in each region its own topic (a rule's targets must be in the rule's region) and, in each region
    /// given, the sign-in rule notifying it.
    /// </summary>
    private static string Scenario(string[] ruleRegions, string pattern = AnythingButYes, string state = "ENABLED", string topicPolicy = PublishPolicy, bool confirmed = true)
    {
        string Region(string region) => $$"""
                  {{region}}:
                    topics:
                      - name: signin-alerts
                        policy: '{{topicPolicy.Replace("REGION", region, StringComparison.Ordinal)}}'
                        subscriptions:
                          - { protocol: email, endpoint: secops@example.com, confirmed: {{(confirmed ? "true" : "false")}} }
            {{(!ruleRegions.Contains(region) ? "" : $$"""
                    rules:
                      - name: console-signin-without-mfa
                        pattern: '{{pattern}}'
                        state: {{state}}
                        targets:
                          - { id: alert, arn: "arn:aws:sns:{{region}}:111111111111:signin-alerts" }
            """)}}
            """;
        return $$"""
            regions: [us-east-1, eu-west-1]
            accounts:
              - id: "111111111111"
                accessKeys:
                  - { id: AKIASIGNINALERTS0001, secret: signin-alerts-secret, user: auditor }
                regions:
            {{Region("us-east-1")}}
            {{Region("eu-west-1")}}
            """;
    }

    private async Task<Uri> StartAsync(string scenario)
    {
        var emulator = await EmulatorHost.StartAsync(Emulator.Scenarios.Scenario.Parse(scenario, "eventbridge.yaml"), faults: null, port: 0);
        _emulators.Add(emulator);
        return emulator.Endpoint;
    }

    private static CliRun Scan(Uri endpoint, params string[] flags) =>
        CliRun.Of(["scan", "--endpoint-url", endpoint.ToString(), "--region", "us-east-1", "--region", "eu-west-1", "--controls", "console-signin-without-mfa", "--format", "json", "--no-store", .. flags]);

    private static JsonElement Finding(CliRun run) =>
        JsonDocument.Parse(run.Out).RootElement.GetProperty("findings").EnumerateArray().Single().Clone();

    private static string[] Reasons(JsonElement finding) => [.. finding.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)];

    [Fact]
    public async Task An_account_alerting_through_eventbridge_passes_with_accept_eventbridge_and_the_finding_says_which_chain()
    {
        var endpoint = await StartAsync(Scenario(["us-east-1", "eu-west-1"]));

        var run = Scan(endpoint, "--accept", "eventbridge");

        run.ExitCode.ShouldBe(0, run.Error);
        var finding = Finding(run);
        finding.GetProperty("outcome").GetString().ShouldBe("pass");
        finding.GetProperty("chain").GetString().ShouldBe("eventbridge");
        finding.GetProperty("verdict").GetString().ShouldBe("broader");
        finding.GetProperty("otherChain").GetProperty("chain").GetString().ShouldBe("metric-filter");
        finding.GetProperty("otherChain").GetProperty("reasons")[0].GetString().ShouldBe("no-trail");
        finding.GetProperty("evidence").GetProperty("chain")[0].GetString().ShouldBe("arn:aws:events:us-east-1:111111111111:rule/console-signin-without-mfa");
    }

    [Fact]
    public async Task Without_accept_the_same_account_fails_the_metric_filter_chain_and_the_scan_reads_no_rules()
    {
        var endpoint = await StartAsync(Scenario(["us-east-1", "eu-west-1"]));

        var run = Scan(endpoint);

        run.ExitCode.ShouldBe(1, run.Error);
        var finding = Finding(run);
        finding.GetProperty("outcome").GetString().ShouldBe("fail");
        finding.GetProperty("chain").GetString().ShouldBe("metric-filter");
        Reasons(finding).ShouldBe(["no-trail"]);
        finding.GetProperty("otherChain").ValueKind.ShouldBe(JsonValueKind.Null);
        run.Out.ShouldNotContain("events:ListRules");
    }

    [Fact]
    public async Task A_snapshot_scanned_with_accept_and_evaluated_without_it_fails_and_says_the_eventbridge_chain_would_pass()
    {
        var endpoint = await StartAsync(Scenario(["us-east-1", "eu-west-1"]));
        var snapshot = Path.Combine(_folder, "snapshot.json");
        Scan(endpoint, "--accept", "eventbridge", "--snapshot-out", snapshot).ExitCode.ShouldBe(0);

        var without = CliRun.Of("evaluate", snapshot, "--controls", "console-signin-without-mfa", "--format", "json", "--no-store");
        var with = CliRun.Of("evaluate", snapshot, "--controls", "console-signin-without-mfa", "--format", "json", "--no-store", "--accept", "eventbridge");

        var failing = Finding(without);
        failing.GetProperty("outcome").GetString().ShouldBe("fail");
        failing.GetProperty("message").GetString()!.ShouldContain("the EventBridge chain would pass");
        failing.GetProperty("otherChain").GetProperty("outcome").GetString().ShouldBe("pass");
        Finding(with).GetProperty("outcome").GetString().ShouldBe("pass");
    }

    [Fact]
    public async Task Accept_in_tocsin_yaml_accepts_eventbridge_as_the_flag_does()
    {
        var endpoint = await StartAsync(Scenario(["us-east-1", "eu-west-1"]));
        var config = Path.Combine(_folder, "tocsin.yaml");
        File.WriteAllText(config, $"""
            targets:
              - name: signin-alerts
                regions: [us-east-1, eu-west-1]
            endpointUrl: {endpoint}
            accept: [eventbridge]
            """);

        var run = CliRun.Of("scan", "--config", config, "--controls", "console-signin-without-mfa", "--format", "json", "--no-store");

        run.ExitCode.ShouldBe(0, run.Error);
        Finding(run).GetProperty("chain").GetString().ShouldBe("eventbridge");
    }

    [Fact]
    public void Accept_in_tocsin_yaml_takes_only_the_evidence_kinds_tocsin_knows()
    {
        var config = Path.Combine(_folder, "tocsin.yaml");
        File.WriteAllText(config, "targets:\n  - name: me\naccept: [lambda]\n");

        var run = CliRun.Of("scan", "--config", config, "--no-store");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("`accept` takes eventbridge, found `lambda`");
    }

    [Theory]
    [InlineData("missing-in-us-east-1", "eventbridge-region-gap")]
    [InlineData("missing-in-eu-west-1", "eventbridge-region-gap")]
    [InlineData("disabled", "eventbridge-rule-disabled")]
    [InlineData("default-topic-policy", "eventbridge-topic-policy-denies")]
    [InlineData("never-fires", "eventbridge-pattern-never-fires")]
    [InlineData("insufficient", "eventbridge-pattern-insufficient")]
    [InlineData("pending-subscription", "no-confirmed-subscription")]
    public async Task A_broken_eventbridge_chain_fails_with_its_reason_code_beside_the_metric_filter_chains(string broken, string reason)
    {
        var scenario = broken switch
        {
            "missing-in-us-east-1" => Scenario(["eu-west-1"]),
            "missing-in-eu-west-1" => Scenario(["us-east-1"]),
            "disabled" => Scenario(["us-east-1", "eu-west-1"], state: "DISABLED"),
            "default-topic-policy" => Scenario(["us-east-1", "eu-west-1"], topicPolicy: """{"Version":"2008-10-17","Id":"__default_policy_ID","Statement":[{"Sid":"__default_statement_ID","Effect":"Allow","Principal":{"AWS":"*"},"Action":["SNS:Publish","SNS:Subscribe"],"Resource":"arn:aws:sns:REGION:111111111111:signin-alerts","Condition":{"StringEquals":{"AWS:SourceOwner":"111111111111"}}}]}"""),
            "never-fires" => Scenario(["us-east-1", "eu-west-1"], pattern: """{"source":["aws.signin"],"detail-type":["AWS API Call via CloudTrail"],"detail":{"eventName":["ConsoleLogin"]}}"""),
            "insufficient" => Scenario(["us-east-1", "eu-west-1"], pattern: """{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"],"detail":{"eventName":["ConsoleLogin"],"userIdentity":{"type":["AssumedRole"]}}}"""),
            _ => Scenario(["us-east-1", "eu-west-1"], confirmed: false),
        };
        var endpoint = await StartAsync(scenario);

        var run = Scan(endpoint, "--accept", "eventbridge");

        run.ExitCode.ShouldBe(1, run.Error);
        var finding = Finding(run);
        finding.GetProperty("outcome").GetString().ShouldBe("fail");
        Reasons(finding).ShouldBe(["no-trail", reason]);
        finding.GetProperty("otherChain").GetProperty("chain").GetString().ShouldBe("eventbridge");
    }

    [Fact]
    public async Task A_minimal_scan_of_an_account_whose_metric_filter_chain_passes_says_the_eventbridge_chain_was_not_read()
    {
        var scenario = Emulator.Scenarios.Scenario.Builtin("demo-org");
        var key = scenario.AccessKeys.First(k => k.AccountId == "111111111111");
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", key.Id);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", key.Secret);
        var emulator = await EmulatorHost.StartAsync(scenario, faults: null, port: 0);
        _emulators.Add(emulator);

        var run = CliRun.Of("scan", "--endpoint-url", emulator.Endpoint.ToString(), "--controls", "console-signin-without-mfa", "--format", "json", "--no-store", "--accept", "eventbridge");

        var finding = Finding(run);
        finding.GetProperty("outcome").GetString().ShouldBe("pass");
        finding.GetProperty("chain").GetString().ShouldBe("metric-filter");
        finding.GetProperty("message").GetString()!.ShouldContain("the EventBridge chain was not read");
        finding.GetProperty("otherChain").GetProperty("outcome").GetString().ShouldBe("error");
    }

    [Fact]
    public void Permissions_with_accept_eventbridge_add_the_rule_and_role_reads()
    {
        var run = CliRun.Of("permissions", "--accept", "eventbridge");

        run.ExitCode.ShouldBe(0);
        run.Out.ShouldContain("\"events:ListRules\"");
        run.Out.ShouldContain("\"events:ListTargetsByRule\"");
        run.Out.ShouldContain("\"iam:GetRole\"");
        run.Out.ShouldContain("\"cloudtrail:DescribeTrails\"");
    }
}
