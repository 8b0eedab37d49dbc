namespace Tocsin.Emulator.Tests;

/// <summary>
/// The demo organization's account that alerts through EventBridge only, read with boto3 as the account itself (through
/// the audit role a scan uses): the whole EventBridge chain in every region, and a trail whose log group has no filter.
/// </summary>
public sealed class DemoOrgEventBridgeTests(DemoOrgFixture fixture) : IClassFixture<DemoOrgFixture>
{
    private const string Account = "121212121212";

    /// <summary>Runs <paramref name="script"/> with <c>account</c>, a session in the account through TocsinAuditRole.</summary>
    private Task<System.Text.Json.Nodes.JsonNode> InAccount(string script) => fixture.Boto3Async($"""
        creds = boto3.client('sts', endpoint_url=ENDPOINT).assume_role(RoleArn='arn:aws:iam::{Account}:role/TocsinAuditRole', RoleSessionName='audit')['Credentials']
        account = boto3.Session(aws_access_key_id=creds['AccessKeyId'], aws_secret_access_key=creds['SecretAccessKey'], aws_session_token=creds['SessionToken'])
        {script}
        """, DemoOrgFixture.ManagementKey, DemoOrgFixture.ManagementSecret);

    [SkippableFact]
    public async Task In_every_demo_region_an_enabled_sign_in_rule_targets_a_topic_eventbridge_may_publish_to_with_a_confirmed_subscriber()
    {
        var result = await InAccount("""
            chains = {}
            for region in ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1']:
                events = account.client('events', endpoint_url=ENDPOINT, region_name=region)
                sns = account.client('sns', endpoint_url=ENDPOINT, region_name=region)
                rule = events.list_rules()['Rules'][0]
                target = events.list_targets_by_rule(Rule=rule['Name'])['Targets'][0]
                policy = json.loads(sns.get_topic_attributes(TopicArn=target['Arn'])['Attributes']['Policy'])
                subscriptions = sns.list_subscriptions_by_topic(TopicArn=target['Arn'])['Subscriptions']
                chains[region] = {'state': rule['State'], 'pattern': json.loads(rule['EventPattern']), 'target': target['Arn'], 'role': target.get('RoleArn'),
                    'publishers': [s['Principal']['Service'] for s in policy['Statement'] if s['Effect'] == 'Allow' and 'sns:Publish' in s['Action']],
                    'confirmed': [s['Endpoint'] for s in subscriptions if s['SubscriptionArn'].startswith('arn:')]}
            print(json.dumps(chains))
            """);

        foreach (var region in new[] { "us-east-1", "us-east-2", "us-west-2", "eu-west-1" })
        {
            var chain = result[region]!;
            chain["state"]!.GetValue<string>().ShouldBe("ENABLED");
            chain["pattern"]!["source"]![0]!.GetValue<string>().ShouldBe("aws.signin");
            chain["pattern"]!["detail-type"]![0]!.GetValue<string>().ShouldBe("AWS Console Sign In via CloudTrail");
            chain["pattern"]!["detail"]!["additionalEventData"]!["MFAUsed"]![0]!["anything-but"]!.GetValue<string>().ShouldBe("Yes");
            chain["target"]!.GetValue<string>().ShouldBe($"arn:aws:sns:{region}:{Account}:security-alerts");
            chain["role"].ShouldBeNull();
            chain["publishers"]!.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["events.amazonaws.com"]);
            chain["confirmed"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe(["security@example.com"]);
        }
    }

    [SkippableFact]
    public async Task Its_multi_region_trail_delivers_to_a_log_group_that_has_no_metric_filter()
    {
        var result = await InAccount("""
            trail = account.client('cloudtrail', endpoint_url=ENDPOINT, region_name='us-east-1').describe_trails()['trailList'][0]
            logs = account.client('logs', endpoint_url=ENDPOINT, region_name='us-east-1')
            group = trail['CloudWatchLogsLogGroupArn'].split(':')[6]
            print(json.dumps({'multiRegion': trail['IsMultiRegionTrail'], 'group': group, 'filters': logs.describe_metric_filters(logGroupName=group)['metricFilters']}))
            """);

        result["multiRegion"]!.GetValue<bool>().ShouldBeTrue();
        result["group"]!.GetValue<string>().ShouldBe("aws-cloudtrail-logs");
        result["filters"]!.AsArray().ShouldBeEmpty();
    }
}
