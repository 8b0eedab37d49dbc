namespace Tocsin.Emulator.Tests;

/// <summary>
/// CloudWatch is served in both of its protocols. boto3 picks awsJson1_0; here botocore is given the model with
/// only <c>query</c> so its own awsQuery serializer and XML parser talk to the emulator.
/// </summary>
public sealed class CloudWatchQueryProtocolTests(DefaultScenarioFixture fixture) : IClassFixture<DefaultScenarioFixture>
{
    private const string QueryOnlyClient = """
        import os, gzip, tempfile
        source = os.path.join(os.path.dirname(botocore.__file__), 'data', 'cloudwatch', '2010-08-01', 'service-2.json.gz')
        model = json.load(gzip.open(source))
        model['metadata']['protocol'] = 'query'
        model['metadata']['protocols'] = ['query']
        data = tempfile.mkdtemp()
        os.makedirs(os.path.join(data, 'cloudwatch', '2010-08-01'))
        json.dump(model, open(os.path.join(data, 'cloudwatch', '2010-08-01', 'service-2.json'), 'w'))
        os.environ['AWS_DATA_PATH'] = data
        cw = boto3.session.Session().client('cloudwatch', endpoint_url=ENDPOINT, config=NO_RETRY)
        assert cw.meta.service_model.protocol == 'query'

        """;

    [Fact]
    public async Task An_alarm_put_over_awsQuery_reads_back_with_its_dimensions_and_actions()
    {
        var result = await fixture.Boto3Async(QueryOnlyClient + """
            cw.put_metric_alarm(AlarmName='query-alarm', MetricName='M', Namespace='N', Statistic='Sum', Period=60, EvaluationPeriods=1, Threshold=1,
                ComparisonOperator='GreaterThanOrEqualToThreshold', AlarmActions=['arn:aws:sns:us-east-1:123456789012:t'], Dimensions=[{'Name': 'Service', 'Value': 'x'}])
            alarm = cw.describe_alarms(AlarmNames=['query-alarm'])['MetricAlarms'][0]
            print(json.dumps({'actions': alarm['AlarmActions'], 'dimension': alarm['Dimensions'][0]['Value'], 'threshold': alarm['Threshold'], 'state': alarm['StateValue']}))
            """, "testing", "testing");
        result["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["arn:aws:sns:us-east-1:123456789012:t"]);
        result["dimension"]!.GetValue<string>().ShouldBe("x");
        result["threshold"]!.GetValue<double>().ShouldBe(1);
        result["state"]!.GetValue<string>().ShouldBe("INSUFFICIENT_DATA");
    }

    [Fact]
    public async Task An_unknown_alarm_is_an_XML_ResourceNotFound_error()
    {
        var result = await fixture.Boto3Async(QueryOnlyClient + """
            try:
                cw.set_alarm_state(AlarmName='missing', StateValue='OK', StateReason='x')
                print(json.dumps({'code': None}))
            except botocore.exceptions.ClientError as e:
                print(json.dumps({'code': e.response['Error']['Code'], 'status': e.response['ResponseMetadata']['HTTPStatusCode']}))
            """, "testing", "testing");
        result["code"]!.GetValue<string>().ShouldBe("ResourceNotFound");
        result["status"]!.GetValue<int>().ShouldBe(404);
    }
}
