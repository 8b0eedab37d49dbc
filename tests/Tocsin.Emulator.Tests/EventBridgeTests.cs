namespace Tocsin.Emulator.Tests;

/// <summary>boto3 and the AWS CLI manage EventBridge rules and targets on the emulator's default bus as they do on AWS.</summary>
public sealed class EventBridgeTests(DefaultScenarioFixture fixture) : IClassFixture<DefaultScenarioFixture>
{
    private const string SignInPattern = """{"source":["aws.signin"],"detail-type":["AWS Console Sign In via CloudTrail"]}""";

    private Task<System.Text.Json.Nodes.JsonNode> Boto3(string script) => fixture.Boto3Async(script, "testing", "testing");

    [SkippableFact]
    public async Task A_rule_and_its_targets_put_with_boto3_read_back_as_put()
    {
        var result = await Boto3($$$"""
            events = boto3.client('events', endpoint_url=ENDPOINT)
            arn = events.put_rule(Name='signin-roundtrip', EventPattern='{{{SignInPattern}}}', State='ENABLED', Description='sign-ins without MFA')['RuleArn']
            put = events.put_targets(Rule='signin-roundtrip', Targets=[
                {'Id': 'alarms', 'Arn': 'arn:aws:sns:us-east-1:123456789012:security-alarms'},
                {'Id': 'relay', 'Arn': 'arn:aws:events:us-east-1:222222222222:event-bus/central', 'RoleArn': 'arn:aws:iam::123456789012:role/forward', 'InputTransformer': {'InputPathsMap': {'user': '$.detail.userIdentity.arn'}, 'InputTemplate': '"<user> signed in"'}}])
            rule = events.describe_rule(Name='signin-roundtrip')
            listed = [r for r in events.list_rules(NamePrefix='signin-roundtrip')['Rules']]
            targets = events.list_targets_by_rule(Rule='signin-roundtrip')['Targets']
            print(json.dumps({'arn': arn, 'failed': put['FailedEntryCount'], 'name': rule['Name'], 'state': rule['State'], 'pattern': rule['EventPattern'],
                'bus': rule['EventBusName'], 'createdBy': rule['CreatedBy'], 'listed': [r['Arn'] for r in listed], 'targets': targets}))
            """);

        result["arn"]!.GetValue<string>().ShouldBe("arn:aws:events:us-east-1:123456789012:rule/signin-roundtrip");
        result["failed"]!.GetValue<int>().ShouldBe(0);
        (result["state"]!.GetValue<string>(), result["bus"]!.GetValue<string>(), result["createdBy"]!.GetValue<string>()).ShouldBe(("ENABLED", "default", "123456789012"));
        result["pattern"]!.GetValue<string>().ShouldBe(SignInPattern);
        result["listed"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe([result["arn"]!.GetValue<string>()]);
        var targets = result["targets"]!.AsArray();
        targets.Select(t => t!["Id"]!.GetValue<string>()).ShouldBe(["alarms", "relay"]);
        targets[1]!["RoleArn"]!.GetValue<string>().ShouldBe("arn:aws:iam::123456789012:role/forward");
        targets[1]!["InputTransformer"]!["InputTemplate"]!.GetValue<string>().ShouldBe("\"<user> signed in\"");
    }

    [SkippableFact]
    public async Task A_rule_with_targets_cannot_be_deleted_until_they_are_removed()
    {
        var result = await Boto3($$$"""
            events = boto3.client('events', endpoint_url=ENDPOINT)
            events.put_rule(Name='signin-delete', EventPattern='{{{SignInPattern}}}')
            events.put_targets(Rule='signin-delete', Targets=[{'Id': 'alarms', 'Arn': 'arn:aws:sns:us-east-1:123456789012:security-alarms'}])
            try:
                events.delete_rule(Name='signin-delete')
                refused = None
            except botocore.exceptions.ClientError as e:
                refused = [e.response['Error']['Code'], e.response['Error']['Message']]
            removed = events.remove_targets(Rule='signin-delete', Ids=['alarms'])['FailedEntryCount']
            events.delete_rule(Name='signin-delete')
            left = [r['Name'] for r in events.list_rules(NamePrefix='signin-delete')['Rules']]
            print(json.dumps({'refused': refused, 'removed': removed, 'left': left}))
            """);

        result["refused"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["ValidationException", "Rule can't be deleted since it has targets."]);
        result["removed"]!.GetValue<int>().ShouldBe(0);
        result["left"]!.AsArray().ShouldBeEmpty();
    }

    [SkippableFact]
    public async Task Listing_rules_pages_with_limit_and_next_token_and_boto3s_paginator_sees_every_rule()
    {
        var result = await Boto3($$$"""
            events = boto3.client('events', endpoint_url=ENDPOINT)
            for i in range(7):
                events.put_rule(Name='paged-%02d' % i, EventPattern='{{{SignInPattern}}}')
            first = events.list_rules(NamePrefix='paged-', Limit=3)
            second = events.list_rules(NamePrefix='paged-', Limit=3, NextToken=first['NextToken'])
            every = [r['Name'] for page in events.get_paginator('list_rules').paginate(NamePrefix='paged-', PaginationConfig={'PageSize': 2}) for r in page['Rules']]
            print(json.dumps({'first': [r['Name'] for r in first['Rules']], 'second': [r['Name'] for r in second['Rules']], 'every': every}))
            """);

        result["first"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["paged-00", "paged-01", "paged-02"]);
        result["second"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["paged-03", "paged-04", "paged-05"]);
        result["every"]!.AsArray().Count.ShouldBe(7);
    }

    [SkippableFact]
    public async Task Disabling_and_enabling_a_rule_shows_in_its_state()
    {
        var result = await Boto3($$$"""
            events = boto3.client('events', endpoint_url=ENDPOINT)
            events.put_rule(Name='signin-toggle', EventPattern='{{{SignInPattern}}}')
            events.disable_rule(Name='signin-toggle')
            disabled = events.describe_rule(Name='signin-toggle')['State']
            events.enable_rule(Name='signin-toggle')
            enabled = events.describe_rule(Name='signin-toggle')['State']
            print(json.dumps([disabled, enabled]))
            """);

        result.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["DISABLED", "ENABLED"]);
    }

    [SkippableFact]
    public async Task A_missing_rule_an_unknown_bus_and_a_pattern_that_is_not_an_object_are_refused_with_AWS_error_codes()
    {
        var result = await Boto3("""
            events = boto3.client('events', endpoint_url=ENDPOINT)
            def code(call):
                try:
                    call()
                    return None
                except botocore.exceptions.ClientError as e:
                    return e.response['Error']['Code'] + ': ' + e.response['Error']['Message']
            print(json.dumps({
                'missing': code(lambda: events.describe_rule(Name='no-such-rule')),
                'bus': code(lambda: events.list_rules(EventBusName='central')),
                'pattern': code(lambda: events.put_rule(Name='bad-pattern', EventPattern='["aws.signin"]')),
                'neither': code(lambda: events.put_rule(Name='no-pattern')),
                'targetsOfMissing': code(lambda: events.put_targets(Rule='no-such-rule', Targets=[{'Id': 'a', 'Arn': 'arn:aws:sns:us-east-1:123456789012:t'}]))}))
            """);

        result["missing"]!.GetValue<string>().ShouldBe("ResourceNotFoundException: Rule no-such-rule does not exist on EventBus default.");
        result["bus"]!.GetValue<string>().ShouldBe("ResourceNotFoundException: Event bus central does not exist.");
        result["pattern"]!.GetValue<string>().ShouldBe("InvalidEventPatternException: Event pattern is not valid. Reason: an event pattern is a JSON object, such as {\"source\": [\"aws.signin\"]} (line 1, column 1)");
        result["neither"]!.GetValue<string>().ShouldBe("ValidationException: Parameter(s) EventPattern or ScheduleExpression must be specified.");
        result["targetsOfMissing"]!.GetValue<string>().ShouldStartWith("ResourceNotFoundException:");
    }

    [SkippableFact]
    public async Task Rule_tags_given_at_creation_are_listed_and_can_be_changed()
    {
        var result = await Boto3($$$"""
            events = boto3.client('events', endpoint_url=ENDPOINT)
            arn = events.put_rule(Name='signin-tags', EventPattern='{{{SignInPattern}}}', Tags=[{'Key': 'owner', 'Value': 'security'}])['RuleArn']
            events.tag_resource(ResourceARN=arn, Tags=[{'Key': 'cis', 'Value': '4.2'}])
            events.untag_resource(ResourceARN=arn, TagKeys=['owner'])
            print(json.dumps(events.list_tags_for_resource(ResourceARN=arn)['Tags']))
            """);

        result.AsArray().Select(t => (t!["Key"]!.GetValue<string>(), t["Value"]!.GetValue<string>())).ShouldBe([("cis", "4.2")]);
    }

    [SkippableFact]
    public async Task The_AWS_CLI_puts_a_rule_and_a_target_and_lists_them_back()
    {
        ExternalTool.Require("aws");
        var put = await fixture.AwsAsync("testing", "testing", "events", "put-rule", "--name", "cli-signin", "--event-pattern", SignInPattern);
        put.ExitCode.ShouldBe(0, put.ToString());
        var target = await fixture.AwsAsync("testing", "testing", "events", "put-targets", "--rule", "cli-signin", "--targets", "Id=alarms,Arn=arn:aws:sns:us-east-1:123456789012:security-alarms");
        target.ExitCode.ShouldBe(0, target.ToString());

        var rules = await fixture.AwsAsync("testing", "testing", "events", "list-rules", "--name-prefix", "cli-signin");
        var targets = await fixture.AwsAsync("testing", "testing", "events", "list-targets-by-rule", "--rule", "cli-signin");

        rules.ExitCode.ShouldBe(0, rules.ToString());
        System.Text.Json.Nodes.JsonNode.Parse(rules.Output)!["Rules"]![0]!["EventPattern"]!.GetValue<string>().ShouldBe(SignInPattern);
        System.Text.Json.Nodes.JsonNode.Parse(targets.Output)!["Targets"]![0]!["Arn"]!.GetValue<string>().ShouldBe("arn:aws:sns:us-east-1:123456789012:security-alarms");
    }
}
