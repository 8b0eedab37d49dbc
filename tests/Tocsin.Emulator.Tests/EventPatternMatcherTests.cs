using System.Text.Json;
using Tocsin.Core.EventPatterns;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Emulator.Tests;

/// <summary>
/// The emulator judges event patterns with Core's matcher (<see cref="EventBridgePatterns"/>): PutRule refuses what the
/// parser refuses, with its line and column, and TestEventPattern answers from boto3 and the AWS CLI as the scanner
/// would judge the same event.
/// </summary>
public sealed class EventPatternMatcherTests(DefaultScenarioFixture fixture) : IClassFixture<DefaultScenarioFixture>
{
    /// <summary>The rule teams deploy for CIS: console sign-ins whose MFAUsed is anything but Yes.</summary>
    private const string CisLikeRule = """{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"],"detail":{"additionalEventData":{"MFAUsed":[{"anything-but":"Yes"}]}}}""";

    /// <summary>"source" given as a string, not an array: EventBridge refuses it.</summary>
    private const string BarePattern = """{"source": "aws.signin"}""";

    private const string BarePatternProblem = "the value of \"source\" must be an object or an array; put a single value in brackets, as [\"aws.signin\"] (line 1, column 12)";

    private static string SignIn(string mfaUsed) => CloudTrailEnvelope.Wrap($$"""
        {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","principalId":"AIDAEXAMPLE","arn":"arn:aws:iam::123456789012:user/alice","accountId":"123456789012","userName":"alice"},
         "eventTime":"2026-01-05T09:00:00Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7",
         "responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"LoginTo":"https://console.aws.amazon.com/","MobileVersion":"No","MFAUsed":"{{mfaUsed}}"},
         "eventID":"3e2f6a5c-0000-4000-8000-000000000001","eventType":"AwsConsoleSignIn","recipientAccountId":"123456789012"}
        """);

    private static string ApiCall() => CloudTrailEnvelope.Wrap("""
        {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::123456789012:user/alice","accountId":"123456789012","userName":"alice"},
         "eventTime":"2026-01-05T09:01:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser","awsRegion":"us-east-1","sourceIPAddress":"198.51.100.7",
         "additionalEventData":{"MFAUsed":"No"},"eventID":"3e2f6a5c-0000-4000-8000-000000000002","eventType":"AwsApiCall","recipientAccountId":"123456789012"}
        """);

    private Task<System.Text.Json.Nodes.JsonNode> Boto3(string script) => fixture.Boto3Async(script, "testing", "testing");

    [SkippableFact]
    public async Task A_sign_in_without_MFA_in_its_EventBridge_envelope_matches_the_CIS_like_rule_in_boto3_and_an_API_call_does_not()
    {
        var result = await Boto3($"""
            events = boto3.client('events', endpoint_url=ENDPOINT)
            rule = {JsonSerializer.Serialize(CisLikeRule)}
            answers = [events.test_event_pattern(EventPattern=rule, Event=e)['Result'] for e in {JsonSerializer.Serialize(new[] { SignIn("No"), SignIn("Yes"), ApiCall() })}]
            print(json.dumps(answers))
            """);

        result.AsArray().Select(a => a!.GetValue<bool>()).ShouldBe([true, false, false]);
    }

    [SkippableFact]
    public async Task The_AWS_CLI_test_event_pattern_answers_true_for_a_sign_in_without_MFA_and_false_for_an_API_call()
    {
        var signIn = await fixture.AwsAsync("testing", "testing", "events", "test-event-pattern", "--event-pattern", CisLikeRule, "--event", SignIn("No"));
        var apiCall = await fixture.AwsAsync("testing", "testing", "events", "test-event-pattern", "--event-pattern", CisLikeRule, "--event", ApiCall());

        signIn.ExitCode.ShouldBe(0, signIn.ToString());
        apiCall.ExitCode.ShouldBe(0, apiCall.ToString());
        (JsonDocument.Parse(signIn.Output).RootElement.GetProperty("Result").GetBoolean(), JsonDocument.Parse(apiCall.Output).RootElement.GetProperty("Result").GetBoolean())
            .ShouldBe((true, false));
    }

    [SkippableFact]
    public async Task PutRule_and_TestEventPattern_refuse_a_pattern_the_parser_rejects_with_its_line_and_column()
    {
        var result = await Boto3($$"""
            events = boto3.client('events', endpoint_url=ENDPOINT)
            def refusal(call):
                try:
                    call()
                    return None
                except botocore.exceptions.ClientError as e:
                    return e.response['Error']['Code'] + ': ' + e.response['Error']['Message']
            pattern = {{JsonSerializer.Serialize(BarePattern)}}
            print(json.dumps({
                'put': refusal(lambda: events.put_rule(Name='bare-source', EventPattern=pattern)),
                'test': refusal(lambda: events.test_event_pattern(EventPattern=pattern, Event={{JsonSerializer.Serialize(SignIn("No"))}})),
                'listed': [r['Name'] for r in events.list_rules(NamePrefix='bare-source')['Rules']]}))
            """);

        result["put"]!.GetValue<string>().ShouldBe($"InvalidEventPatternException: Event pattern is not valid. Reason: {BarePatternProblem}");
        result["test"]!.GetValue<string>().ShouldBe($"InvalidEventPatternException: Event pattern is not valid. Reason: {BarePatternProblem}");
        result["listed"]!.AsArray().ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task The_AWS_CLI_put_rule_fails_on_a_pattern_the_parser_rejects()
    {
        var result = await fixture.AwsAsync("testing", "testing", "events", "put-rule", "--name", "bare-source-cli", "--event-pattern", BarePattern);

        result.ExitCode.ShouldNotBe(0);
        result.Error.ShouldContain($"(InvalidEventPatternException) when calling the PutRule operation: Event pattern is not valid. Reason: {BarePatternProblem}");
    }
}

/// <summary>An emulator started without a matcher (only tests of the seam do that) refuses TestEventPattern in words.</summary>
public sealed class EmulatorWithoutPatternMatcherTests(EmulatorWithoutPatternMatcherTests.WithoutMatcherFixture fixture) : IClassFixture<EmulatorWithoutPatternMatcherTests.WithoutMatcherFixture>
{
    public sealed class WithoutMatcherFixture : EmulatorFixture
    {
        protected override Scenario CreateScenario() => Scenario.Default();

        protected override IEventPatternMatcher? EventPatterns => null;
    }

    [SkippableFact]
    public async Task TestEventPattern_is_refused_as_not_supported_when_the_emulator_has_no_matcher()
    {
        var result = await fixture.Boto3Async("""
            events = boto3.client('events', endpoint_url=ENDPOINT)
            event = json.dumps({'id': '1', 'account': '123456789012', 'source': 'aws.signin', 'time': '2026-01-01T00:00:00Z', 'region': 'us-east-1', 'resources': [], 'detail-type': 'AWS Console Sign In via CloudTrail', 'detail': {}})
            try:
                events.test_event_pattern(EventPattern='{"source":["aws.signin"]}', Event=event)
                print(json.dumps(None))
            except botocore.exceptions.ClientError as e:
                print(json.dumps([e.response['Error']['Code'], e.response['Error']['Message']]))
            """, "testing", "testing");

        result[0]!.GetValue<string>().ShouldBe("ValidationException");
        result[1]!.GetValue<string>().ShouldContain("not supported by this emulator");
    }
}
