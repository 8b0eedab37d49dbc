using Tocsin.Emulator.Scenarios;

namespace Tocsin.Emulator.Tests;

/// <summary>
/// A scenario's <c>rules:</c> are served as EventBridge rules, and TestEventPattern answers with the matcher the host
/// was given (here a stand-in that only proves the wiring, not the pattern language).
/// </summary>
public sealed class EventBridgeScenarioTests(EventBridgeScenarioTests.RulesFixture fixture) : IClassFixture<EventBridgeScenarioTests.RulesFixture>
{
    public sealed class RulesFixture : EmulatorFixture
    {
        public const string Yaml = """
            accounts:
              - id: "123456789012"
                accessKeys: [{ id: testing, secret: testing }]
                roles:
                  - name: eventbridge-publish
                    trustPolicy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"events.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
                    policies:
                      publish: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sns:Publish","Resource":"*"}]}'
                regions:
                  eu-west-1:
                    topics:
                      - name: security-alarms
                    rules:
                      - name: console-signin-without-mfa
                        pattern: '{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"]}'
                        targets:
                          - arn: security-alarms
                            role: eventbridge-publish
                      - name: nightly
                        schedule: rate(1 day)
                        state: DISABLED
            """;

        protected override Scenario CreateScenario() => Scenario.Parse(Yaml, "rules.yaml");

        protected override IEventPatternMatcher EventPatterns { get; } = new SourceOnlyMatcher();
    }

    /// <summary>Matches when the event's text holds the pattern's text between its first quotes: enough to see the seam answer.</summary>
    private sealed class SourceOnlyMatcher : IEventPatternMatcher
    {
        public string? ProblemWith(string pattern) => pattern.StartsWith('{') ? null : "stand-in refuses it";

        public bool Matches(string pattern, string eventJson) => eventJson.Contains("aws.signin", StringComparison.Ordinal) && pattern.Contains("aws.signin", StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Rules_declared_in_a_scenario_are_listed_with_their_targets_state_and_schedule()
    {
        var result = await fixture.Boto3Async("""
            events = boto3.client('events', endpoint_url=ENDPOINT)
            rules = {r['Name']: r for r in events.list_rules()['Rules']}
            targets = events.list_targets_by_rule(Rule='console-signin-without-mfa')['Targets']
            print(json.dumps({'names': sorted(rules), 'nightly': [rules['nightly']['State'], rules['nightly']['ScheduleExpression']], 'targets': targets}))
            """, "testing", "testing", "eu-west-1");

        result["names"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["console-signin-without-mfa", "nightly"]);
        result["nightly"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["DISABLED", "rate(1 day)"]);
        var target = result["targets"]!.AsArray().ShouldHaveSingleItem()!;
        (target["Id"]!.GetValue<string>(), target["Arn"]!.GetValue<string>(), target["RoleArn"]!.GetValue<string>())
            .ShouldBe(("target-1", "arn:aws:sns:eu-west-1:123456789012:security-alarms", "arn:aws:iam::123456789012:role/eventbridge-publish"));
    }

    [SkippableFact]
    public async Task A_role_declared_with_a_trust_policy_and_an_inline_policy_reads_back_through_IAM()
    {
        var result = await fixture.Boto3Async("""
            iam = boto3.client('iam', endpoint_url=ENDPOINT)
            trust = iam.get_role(RoleName='eventbridge-publish')['Role']['AssumeRolePolicyDocument']
            names = iam.list_role_policies(RoleName='eventbridge-publish')['PolicyNames']
            print(json.dumps({'trust': trust['Statement'][0]['Principal']['Service'], 'names': names}))
            """, "testing", "testing");

        result["trust"]!.GetValue<string>().ShouldBe("events.amazonaws.com");
        result["names"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["publish"]);
    }

    [SkippableFact]
    public async Task TestEventPattern_answers_with_the_matcher_the_host_was_given()
    {
        var result = await fixture.Boto3Async("""
            events = boto3.client('events', endpoint_url=ENDPOINT)
            envelope = {'id': '1', 'account': '123456789012', 'time': '2026-01-01T00:00:00Z', 'region': 'eu-west-1', 'resources': [], 'detail-type': 'AWS Console Sign In via CloudTrail', 'detail': {}}
            pattern = '{"source":["aws.signin"]}'
            signin = events.test_event_pattern(EventPattern=pattern, Event=json.dumps(dict(envelope, source='aws.signin')))['Result']
            other = events.test_event_pattern(EventPattern=pattern, Event=json.dumps(dict(envelope, source='aws.s3')))['Result']
            try:
                events.test_event_pattern(EventPattern=pattern, Event=json.dumps({'source': 'aws.signin'}))
                bad_event = None
            except botocore.exceptions.ClientError as e:
                bad_event = e.response['Error']['Code']
            print(json.dumps({'signin': signin, 'other': other, 'badEvent': bad_event}))
            """, "testing", "testing", "eu-west-1");

        result["signin"]!.GetValue<bool>().ShouldBeTrue();
        result["other"]!.GetValue<bool>().ShouldBeFalse();
        result["badEvent"]!.GetValue<string>().ShouldBe("ValidationException");
    }

    [Fact]
    public void A_rule_target_naming_an_undeclared_topic_is_refused_with_its_place()
    {
        const string yaml = """
            accounts:
              - id: "123456789012"
                regions:
                  us-east-1:
                    rules:
                      - name: r
                        pattern: '{"source":["aws.signin"]}'
                        targets: [{ arn: missing-topic }]
            """;
        Should.Throw<EmulatorInputException>(() => Scenario.Parse(yaml, "s.yaml")).Message
            .ShouldBe("s.yaml: accounts[0].regions.us-east-1.rules[0].targets[0].arn: no topic 'missing-topic' is declared in this region (give an ARN for other targets).");
    }

    [Fact]
    public void A_rule_pattern_that_is_not_a_JSON_object_is_refused_with_its_place()
    {
        const string yaml = """
            accounts:
              - id: "123456789012"
                regions:
                  us-east-1:
                    rules:
                      - name: r
                        pattern: 'aws.signin'
            """;
        Should.Throw<EmulatorInputException>(() => Scenario.Parse(yaml, "s.yaml")).Message
            .ShouldBe("s.yaml: accounts[0].regions.us-east-1.rules[0].pattern: the event pattern is not a JSON object.");
    }
}
