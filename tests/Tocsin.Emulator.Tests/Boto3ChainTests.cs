namespace Tocsin.Emulator.Tests;

/// <summary>boto3 (the default python3's) builds and reads back a whole alerting chain on the default scenario.</summary>
public sealed class Boto3ChainTests(DefaultScenarioFixture fixture) : IClassFixture<DefaultScenarioFixture>
{
    private Task<System.Text.Json.Nodes.JsonNode> Boto3(string script, string region = "us-east-1") =>
        fixture.Boto3Async(script, "testing", "testing", region);

    [SkippableFact]
    public async Task A_whole_chain_built_with_boto3_reads_back_as_built()
    {
        var result = await Boto3("""
            import urllib.request, urllib.parse
            c = lambda name: boto3.client(name, endpoint_url=ENDPOINT)
            c('s3').create_bucket(Bucket='chain-trail-logs')
            c('s3').put_bucket_policy(Bucket='chain-trail-logs', Policy=json.dumps({'Version': '2012-10-17', 'Statement': []}))
            role = c('iam').create_role(RoleName='chain-cloudtrail-to-logs', AssumeRolePolicyDocument=json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'Service': 'cloudtrail.amazonaws.com'}, 'Action': 'sts:AssumeRole'}]}))['Role']['Arn']
            c('iam').put_role_policy(RoleName='chain-cloudtrail-to-logs', PolicyName='deliver', PolicyDocument=json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': 'logs:PutLogEvents', 'Resource': '*'}]}))
            c('logs').create_log_group(logGroupName='chain-trail')
            group_arn = 'arn:aws:logs:us-east-1:123456789012:log-group:chain-trail:*'
            c('cloudtrail').create_trail(Name='chain', S3BucketName='chain-trail-logs', IsMultiRegionTrail=True, CloudWatchLogsLogGroupArn=group_arn, CloudWatchLogsRoleArn=role)
            c('cloudtrail').start_logging(Name='chain')
            c('logs').put_metric_filter(logGroupName='chain-trail', filterName='no-mfa', filterPattern='{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }',
                metricTransformations=[{'metricName': 'ConsoleSigninWithoutMFA', 'metricNamespace': 'CISBenchmark', 'metricValue': '1'}])
            topic = c('sns').create_topic(Name='chain-alarms')['TopicArn']
            sub = c('sns').subscribe(TopicArn=topic, Protocol='email', Endpoint='sec@example.com', ReturnSubscriptionArn=True)['SubscriptionArn']
            urllib.request.urlopen(urllib.request.Request(ENDPOINT + '_tocsin/subscriptions/confirm?arn=' + urllib.parse.quote(sub), method='POST'))
            c('cloudwatch').put_metric_alarm(AlarmName='chain-no-mfa', MetricName='ConsoleSigninWithoutMFA', Namespace='CISBenchmark', Statistic='Sum', Period=300,
                EvaluationPeriods=1, Threshold=1, ComparisonOperator='GreaterThanOrEqualToThreshold', AlarmActions=[topic])
            trail = c('cloudtrail').describe_trails(trailNameList=['chain'])['trailList'][0]
            status = c('cloudtrail').get_trail_status(Name='chain')
            selectors = c('cloudtrail').get_event_selectors(TrailName='chain')['EventSelectors']
            filt = c('logs').describe_metric_filters(logGroupName='chain-trail')['metricFilters'][0]
            alarm = c('cloudwatch').describe_alarms_for_metric(MetricName='ConsoleSigninWithoutMFA', Namespace='CISBenchmark')['MetricAlarms'][0]
            subs = c('sns').list_subscriptions_by_topic(TopicArn=topic)['Subscriptions']
            print(json.dumps({'multiRegion': trail['IsMultiRegionTrail'], 'logGroup': trail['CloudWatchLogsLogGroupArn'], 'logging': status['IsLogging'],
                'selector': selectors[0]['ReadWriteType'], 'pattern': filt['filterPattern'], 'namespace': filt['metricTransformations'][0]['metricNamespace'],
                'alarmActions': alarm['AlarmActions'], 'topic': topic, 'subscription': subs[0]['SubscriptionArn'], 'sub': sub}))
            """);

        result["multiRegion"]!.GetValue<bool>().ShouldBeTrue();
        result["logGroup"]!.GetValue<string>().ShouldBe("arn:aws:logs:us-east-1:123456789012:log-group:chain-trail:*");
        result["logging"]!.GetValue<bool>().ShouldBeTrue();
        result["selector"]!.GetValue<string>().ShouldBe("All");
        result["pattern"]!.GetValue<string>().ShouldBe("{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }");
        result["namespace"]!.GetValue<string>().ShouldBe("CISBenchmark");
        result["alarmActions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe([result["topic"]!.GetValue<string>()]);
        result["subscription"]!.GetValue<string>().ShouldBe(result["sub"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task An_email_subscription_stays_pending_until_confirmed_with_its_token()
    {
        var result = await Boto3("""
            sns = boto3.client('sns', endpoint_url=ENDPOINT)
            topic = sns.create_topic(Name='pending-alarms')['TopicArn']
            first = sns.subscribe(TopicArn=topic, Protocol='email', Endpoint='ops@example.com')['SubscriptionArn']
            listed = sns.list_subscriptions_by_topic(TopicArn=topic)['Subscriptions'][0]['SubscriptionArn']
            attributes = sns.get_topic_attributes(TopicArn=topic)['Attributes']
            print(json.dumps({'first': first, 'listed': listed, 'pending': attributes['SubscriptionsPending'], 'confirmed': attributes['SubscriptionsConfirmed'], 'topic': topic}))
            """);
        result["first"]!.GetValue<string>().ShouldBe("pending confirmation");
        result["listed"]!.GetValue<string>().ShouldBe("PendingConfirmation");
        (result["pending"]!.GetValue<string>(), result["confirmed"]!.GetValue<string>()).ShouldBe(("1", "0"));

        var token = fixture.Emulator.Control.PendingSubscriptions().Single(p => p.TopicArn == result["topic"]!.GetValue<string>()).Token;
        var confirmed = await Boto3($$"""
            sns = boto3.client('sns', endpoint_url=ENDPOINT)
            arn = sns.confirm_subscription(TopicArn='{{result["topic"]}}', Token='{{token}}')['SubscriptionArn']
            listed = sns.list_subscriptions_by_topic(TopicArn='{{result["topic"]}}')['Subscriptions'][0]['SubscriptionArn']
            print(json.dumps({'arn': arn, 'listed': listed}))
            """);
        confirmed["listed"]!.GetValue<string>().ShouldBe(confirmed["arn"]!.GetValue<string>());
        confirmed["listed"]!.GetValue<string>().ShouldStartWith(result["topic"]!.GetValue<string>() + ":");
    }

    [SkippableFact]
    public async Task A_new_trail_reports_the_default_all_management_events_selector()
    {
        var result = await Boto3("""
            boto3.client('s3', endpoint_url=ENDPOINT).create_bucket(Bucket='default-selector-logs')
            ct = boto3.client('cloudtrail', endpoint_url=ENDPOINT)
            ct.create_trail(Name='default-selector', S3BucketName='default-selector-logs')
            print(json.dumps(ct.get_event_selectors(TrailName='default-selector')['EventSelectors']))
            """);
        var selector = result.AsArray().ShouldHaveSingleItem()!;
        selector["ReadWriteType"]!.GetValue<string>().ShouldBe("All");
        selector["IncludeManagementEvents"]!.GetValue<bool>().ShouldBeTrue();
    }

    [SkippableFact]
    public async Task A_multi_region_trail_shows_as_a_shadow_in_other_regions_unless_shadows_are_excluded()
    {
        var result = await Boto3("""
            boto3.client('s3', endpoint_url=ENDPOINT).create_bucket(Bucket='shadow-logs')
            boto3.client('cloudtrail', endpoint_url=ENDPOINT, region_name='us-east-1').create_trail(Name='shadowed', S3BucketName='shadow-logs', IsMultiRegionTrail=True)
            there = boto3.client('cloudtrail', endpoint_url=ENDPOINT, region_name='eu-west-1')
            shadows = [t['HomeRegion'] for t in there.describe_trails(trailNameList=['shadowed'])['trailList']]
            without = there.describe_trails(trailNameList=['shadowed'], includeShadowTrails=False)['trailList']
            print(json.dumps({'shadows': shadows, 'without': len(without)}))
            """, region: "eu-west-1");
        result["shadows"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["us-east-1"]);
        result["without"]!.GetValue<int>().ShouldBe(0);
    }

    [SkippableFact]
    public async Task Putting_a_metric_filter_under_an_existing_name_replaces_it()
    {
        var result = await Boto3("""
            logs = boto3.client('logs', endpoint_url=ENDPOINT)
            logs.create_log_group(logGroupName='replace-me')
            t = [{'metricName': 'M', 'metricNamespace': 'N', 'metricValue': '1'}]
            logs.put_metric_filter(logGroupName='replace-me', filterName='f', filterPattern='ERROR', metricTransformations=t)
            logs.put_metric_filter(logGroupName='replace-me', filterName='f', filterPattern='WARN', metricTransformations=t)
            print(json.dumps([f['filterPattern'] for f in logs.describe_metric_filters(logGroupName='replace-me')['metricFilters']]))
            """);
        result.AsArray().Select(p => p!.GetValue<string>()).ShouldBe(["WARN"]);
    }

    [SkippableFact]
    public async Task A_pattern_the_parser_rejects_is_refused_as_AWS_refuses_it()
    {
        var result = await Boto3("""
            logs = boto3.client('logs', endpoint_url=ENDPOINT)
            logs.create_log_group(logGroupName='invalid-pattern')
            try:
                logs.put_metric_filter(logGroupName='invalid-pattern', filterName='f', filterPattern='{ ($.eventName = "ConsoleLogin" }',
                    metricTransformations=[{'metricName': 'M', 'metricNamespace': 'N', 'metricValue': '1'}])
                print(json.dumps({'code': None}))
            except botocore.exceptions.ClientError as e:
                print(json.dumps({'code': e.response['Error']['Code'], 'message': e.response['Error']['Message']}))
            """);
        result["code"]!.GetValue<string>().ShouldBe("InvalidParameterException");
        result["message"]!.GetValue<string>().ShouldBe("Invalid metric filter pattern");
    }

    [SkippableFact]
    public async Task TestMetricFilter_returns_only_the_events_the_pattern_matches()
    {
        var result = await Boto3("""
            logs = boto3.client('logs', endpoint_url=ENDPOINT)
            events = [json.dumps({'eventName': 'ConsoleLogin', 'additionalEventData': {'MFAUsed': 'No'}}),
                      json.dumps({'eventName': 'ConsoleLogin', 'additionalEventData': {'MFAUsed': 'Yes'}})]
            r = logs.test_metric_filter(filterPattern='{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }', logEventMessages=events)
            print(json.dumps([m['eventNumber'] for m in r['matches']]))
            """);
        result.AsArray().Select(n => n!.GetValue<int>()).ShouldBe([1]);
    }

    [SkippableFact]
    public async Task A_wrong_secret_gets_SignatureDoesNotMatch_from_STS_and_InvalidSignatureException_from_Logs()
    {
        var result = await ErrorCodesAsync("testing", "not-the-secret", ("sts", "get_caller_identity"), ("logs", "describe_log_groups"));
        result["sts"]!.GetValue<string>().ShouldBe("SignatureDoesNotMatch");
        result["logs"]!.GetValue<string>().ShouldBe("InvalidSignatureException");
    }

    [SkippableFact]
    public async Task An_unknown_access_key_gets_the_services_invalid_token_error()
    {
        var result = await ErrorCodesAsync("AKIAUNKNOWNKEY000000", "whatever", ("sts", "get_caller_identity"), ("cloudtrail", "describe_trails"));
        result["sts"]!.GetValue<string>().ShouldBe("InvalidClientTokenId");
        result["cloudtrail"]!.GetValue<string>().ShouldBe("UnrecognizedClientException");
    }

    /// <summary>The error code each service's call answers with these keys (null where the call succeeds).</summary>
    private Task<System.Text.Json.Nodes.JsonNode> ErrorCodesAsync(string keyId, string secret, params (string Service, string Operation)[] calls)
    {
        var list = string.Join(", ", calls.Select(call => $"('{call.Service}', '{call.Operation}')"));
        return fixture.Boto3Async($$"""
            out = {}
            for name, operation in [{{list}}]:
                try:
                    getattr(boto3.client(name, endpoint_url=ENDPOINT, config=NO_RETRY), operation)()
                    out[name] = None
                except botocore.exceptions.ClientError as e:
                    out[name] = e.response['Error']['Code']
            print(json.dumps(out))
            """, keyId, secret);
    }

    [SkippableFact]
    public async Task DescribeAlarms_pages_with_NextToken_and_refuses_a_token_it_did_not_issue()
    {
        var result = await Boto3("""
            cw = boto3.client('cloudwatch', endpoint_url=ENDPOINT, config=NO_RETRY)
            for i in range(120):
                cw.put_metric_alarm(AlarmName='paged-%03d' % i, MetricName='M', Namespace='Paged', Statistic='Sum', Period=60, EvaluationPeriods=1, Threshold=1, ComparisonOperator='GreaterThanOrEqualToThreshold')
            pages = list(cw.get_paginator('describe_alarms').paginate(AlarmNamePrefix='paged-', PaginationConfig={'PageSize': 50}))
            try:
                cw.describe_alarms(NextToken='forged')
                code = None
            except botocore.exceptions.ClientError as e:
                code = e.response['Error']['Code']
            print(json.dumps({'sizes': [len(p['MetricAlarms']) for p in pages], 'code': code}))
            """);
        result["sizes"]!.AsArray().Select(n => n!.GetValue<int>()).ShouldBe([50, 50, 20]);
        result["code"]!.GetValue<string>().ShouldBe("InvalidNextToken");
    }
}
