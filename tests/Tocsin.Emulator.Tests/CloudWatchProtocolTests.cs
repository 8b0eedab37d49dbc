namespace Tocsin.Emulator.Tests;

/// <summary>
/// CloudWatch's model lists three protocols (smithy-rpc-v2-cbor, json, query); SDKs pick different ones. Here
/// botocore is given the model with only one of them, so its own serializer and parser for that protocol talk
/// to the emulator.
/// </summary>
public sealed class CloudWatchProtocolTests(DefaultScenarioFixture fixture) : IClassFixture<DefaultScenarioFixture>
{
    private static string ClientSpeakingOnly(string protocol) => $$"""
        import os, gzip, tempfile
        source = os.path.join(os.path.dirname(botocore.__file__), 'data', 'cloudwatch', '2010-08-01', 'service-2.json.gz')
        model = json.load(gzip.open(source))
        model['metadata']['protocol'] = '{{protocol}}'
        model['metadata']['protocols'] = ['{{protocol}}']
        data = tempfile.mkdtemp()
        os.makedirs(os.path.join(data, 'cloudwatch', '2010-08-01'))
        json.dump(model, open(os.path.join(data, 'cloudwatch', '2010-08-01', 'service-2.json'), 'w'))
        os.environ['AWS_DATA_PATH'] = data
        cw = boto3.session.Session().client('cloudwatch', endpoint_url=ENDPOINT, config=NO_RETRY)
        assert cw.meta.service_model.protocol == '{{protocol}}'

        """;

    [SkippableTheory]
    [InlineData("query")]
    [InlineData("json")]
    [InlineData("smithy-rpc-v2-cbor")]
    public async Task An_alarm_put_reads_back_with_its_dimensions_actions_and_threshold(string protocol)
    {
        var result = await fixture.Boto3Async(ClientSpeakingOnly(protocol) + $$"""
            cw.put_metric_alarm(AlarmName='alarm-{{protocol}}', MetricName='M', Namespace='N', Statistic='Sum', Period=60, EvaluationPeriods=1, Threshold=1.5,
                ComparisonOperator='GreaterThanOrEqualToThreshold', AlarmActions=['arn:aws:sns:us-east-1:123456789012:t'], Dimensions=[{'Name': 'Service', 'Value': 'x'}])
            alarm = cw.describe_alarms(AlarmNames=['alarm-{{protocol}}'])['MetricAlarms'][0]
            print(json.dumps({'actions': alarm['AlarmActions'], 'dimension': alarm['Dimensions'][0]['Value'], 'threshold': alarm['Threshold'],
                'period': alarm['Period'], 'state': alarm['StateValue'], 'updated': alarm['StateUpdatedTimestamp'].year}))
            """, "testing", "testing");
        result["actions"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["arn:aws:sns:us-east-1:123456789012:t"]);
        result["dimension"]!.GetValue<string>().ShouldBe("x");
        result["threshold"]!.GetValue<double>().ShouldBe(1.5);
        result["period"]!.GetValue<int>().ShouldBe(60);
        result["state"]!.GetValue<string>().ShouldBe("INSUFFICIENT_DATA");
        result["updated"]!.GetValue<int>().ShouldBe(DateTime.UtcNow.Year);
    }

    [SkippableTheory]
    [InlineData("query")]
    [InlineData("json")]
    [InlineData("smithy-rpc-v2-cbor")]
    public async Task An_unknown_alarm_is_ResourceNotFound_with_status_404(string protocol)
    {
        var result = await fixture.Boto3Async(ClientSpeakingOnly(protocol) + """
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
