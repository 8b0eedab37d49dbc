using Tocsin.Emulator.Faults;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Emulator.Tests;

public sealed class FaultyScenarioFixture : EmulatorFixture
{
    protected override Scenario CreateScenario() => Scenario.Default();

    protected override FaultPlan CreateFaults() => FaultPlan.Parse("""
        seed: 3
        timeoutSeconds: 0.2
        rules:
          - operation: "sts:GetCallerIdentity"
            timeout: 1
          - operation: "logs:DescribeLogGroups"
            throttle: 1
          - operation: "cloudwatch:DescribeAlarms"
            serverError: 1
        accessDenied:
          - operation: "cloudtrail:GetEventSelectors"
        disabledRegions:
          - region: ap-east-1
        """, "faults.yaml");
}

/// <summary>A faults file turns calls into the errors real clients see from AWS.</summary>
public sealed class FaultInjectionTests(FaultyScenarioFixture fixture) : IClassFixture<FaultyScenarioFixture>
{
    private async Task<(string? Code, int Status)> Call(string service, string call, string region = "us-east-1")
    {
        var result = await fixture.Boto3Async($$"""
            try:
                boto3.client('{{service}}', endpoint_url=ENDPOINT, region_name='{{region}}', config=NO_RETRY).{{call}}
                print(json.dumps({'code': None, 'status': 200}))
            except botocore.exceptions.ClientError as e:
                print(json.dumps({'code': e.response['Error']['Code'], 'status': e.response['ResponseMetadata']['HTTPStatusCode']}))
            """, "testing", "testing", region);
        return (result["code"]?.GetValue<string>(), result["status"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task A_throttled_call_gets_the_services_throttling_error()
    {
        (await Call("logs", "describe_log_groups()")).ShouldBe(("ThrottlingException", 400));
    }

    [SkippableFact]
    public async Task A_server_error_is_a_500_the_client_sees_as_InternalFailure()
    {
        (await Call("cloudwatch", "describe_alarms()")).ShouldBe(("InternalFailure", 500));
    }

    [SkippableFact]
    public async Task An_access_denied_rule_refuses_the_call()
    {
        (await Call("cloudtrail", "get_event_selectors(TrailName='any')")).Code.ShouldBe("AccessDeniedException");
    }

    [SkippableFact]
    public async Task A_disabled_region_refuses_credentials_as_AWS_does_for_regions_not_opted_in()
    {
        (await Call("sns", "list_topics()", region: "ap-east-1")).Code.ShouldBe("InvalidClientTokenId");
    }

    [SkippableFact]
    public async Task A_timed_out_call_ends_with_the_connection_dropped_and_no_reply()
    {
        var result = await fixture.Boto3Async("""
            try:
                boto3.client('sts', endpoint_url=ENDPOINT, config=NO_RETRY).get_caller_identity()
                print(json.dumps({'error': None}))
            except botocore.exceptions.ClientError as e:
                print(json.dumps({'error': 'ClientError ' + e.response['Error']['Code']}))
            except botocore.exceptions.BotoCoreError as e:
                print(json.dumps({'error': type(e).__name__}))
            """, "testing", "testing");
        result["error"]!.GetValue<string>().ShouldBe("ConnectionClosedError");
    }

    [SkippableFact]
    public async Task Calls_outside_the_rules_are_served_normally()
    {
        (await Call("sns", "list_topics()")).ShouldBe((null, 200));
    }
}
