using System.Net;
using Amazon.Runtime;
using Tocsin.Aws.Clients;
using Tocsin.Aws.Http;
using Tocsin.Aws.Protocols;
using static Tocsin.Aws.Tests.ScriptedNetwork;

namespace Tocsin.Aws.Tests;

public class ProtocolTests
{
    private static (AwsSession Session, ScriptedNetwork Network) Session(params Func<HttpRequestMessage, HttpResponseMessage>[] replies)
    {
        var network = new ScriptedNetwork(replies);
        var options = new RetryOptions(new Http.RetryPolicy(MaxAttempts: 1), 2, (_, _) => Task.CompletedTask);
        var transport = new AwsTransport(new AwsEndpoints(null, _ => null), options, network);
        return (new AwsSession(transport, new BasicAWSCredentials("AKIDEXAMPLE", "secret"), "123456789012", new CallStatistics()), network);
    }

    [Fact]
    public async Task Query_form_is_rfc3986_encoded_with_lists_as_numbered_members()
    {
        var request = QueryProtocol.Request(new Uri("https://sns.us-east-1.amazonaws.com/"), "X", "2010-03-31",
            [new("TopicArn", "arn:aws:sns:us-east-1:1:a b~*"), .. QueryProtocol.List("AlarmTypes", ["MetricAlarm", "CompositeAlarm"])]);
        (await request.Content!.ReadAsStringAsync()).ShouldBe(
            "Action=X&Version=2010-03-31&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A1%3Aa%20b~%2A&AlarmTypes.member.1=MetricAlarm&AlarmTypes.member.2=CompositeAlarm");
    }

    [Fact]
    public async Task Json_calls_name_the_operation_in_the_target_header()
    {
        var (session, network) = Session(Ok("""{"trailList":[]}"""));
        await new CloudTrailClient(session).DescribeTrailsAsync("eu-west-1", CancellationToken.None);
        var (request, body) = network.Sent.Single();
        request.RequestUri.ShouldBe(new Uri("https://cloudtrail.eu-west-1.amazonaws.com/"));
        request.Headers.GetValues("X-Amz-Target").Single().ShouldBe("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails");
        request.Content!.Headers.ContentType!.MediaType.ShouldBe("application/x-amz-json-1.1");
        body.ShouldBe("""{"includeShadowTrails":true}""");
    }

    [Fact]
    public async Task Metric_filters_are_read_across_every_page()
    {
        var (session, network) = Session(
            Ok("""{"metricFilters":[{"filterName":"a","filterPattern":"{ $.x = 1 }","logGroupName":"g","metricTransformations":[{"metricName":"M","metricNamespace":"N","metricValue":"1","dimensions":{"User":"$.u"}}]}],"nextToken":"t1"}"""),
            Ok("""{"metricFilters":[{"filterName":"b","filterPattern":"","logGroupName":"g","metricTransformations":[]}]}"""));
        var filters = await new LogsClient(session).DescribeMetricFiltersAsync("us-east-1", "g", CancellationToken.None);
        filters.Select(f => f.Name).ShouldBe(["a", "b"]);
        filters[0].Transformations.Value.Single().Dimensions.ShouldBe([new Core.Inventory.Dimension("User", "$.u")]);
        network.Sent[1].Body.ShouldContain("\"nextToken\":\"t1\"");
    }

    [Fact]
    public async Task Alarms_are_read_across_every_page_of_the_query_reply()
    {
        static string Page(string name, string? next) => $"""
            <DescribeAlarmsResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><DescribeAlarmsResult>
              <MetricAlarms><member><AlarmName>{name}</AlarmName><AlarmArn>arn:aws:cloudwatch:us-east-1:1:alarm:{name}</AlarmArn>
                <ActionsEnabled>true</ActionsEnabled><AlarmActions><member>arn:aws:sns:us-east-1:1:t</member></AlarmActions>
                <MetricName>M</MetricName><Namespace>N</Namespace><Statistic>Sum</Statistic><Period>300</Period><EvaluationPeriods>1</EvaluationPeriods>
                <Threshold>1.0</Threshold><ComparisonOperator>GreaterThanOrEqualToThreshold</ComparisonOperator><Dimensions/></member></MetricAlarms>
              {(next is null ? "" : $"<NextToken>{next}</NextToken>")}
            </DescribeAlarmsResult></DescribeAlarmsResponse>
            """;
        var (session, network) = Session(Ok(Page("first", "n1")), Ok(Page("second", null)));
        var alarms = await new CloudWatchClient(session).DescribeAlarmsAsync("us-east-1", CancellationToken.None);
        alarms.Select(a => a.Name).ShouldBe(["first", "second"]);
        alarms[0].Threshold.Value.ShouldBe(1.0);
        alarms[0].AlarmActions.Value.ShouldBe(["arn:aws:sns:us-east-1:1:t"]);
        network.Sent[1].Body.ShouldContain("NextToken=n1");
    }

    [Fact]
    public async Task Topic_attributes_without_a_policy_read_as_none()
    {
        var (session, _) = Session(Ok("""
            <GetTopicAttributesResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><GetTopicAttributesResult><Attributes>
              <entry><key>TopicArn</key><value>arn:aws:sns:us-east-1:1:t</value></entry>
              <entry><key>KmsMasterKeyId</key><value>alias/aws/sns</value></entry>
            </Attributes></GetTopicAttributesResult></GetTopicAttributesResponse>
            """));
        (await new SnsClient(session).GetTopicAttributesAsync("us-east-1", "arn:aws:sns:us-east-1:1:t", CancellationToken.None))
            .ShouldBe(new TopicAttributes(null, "alias/aws/sns"));
    }

    [Fact]
    public async Task A_reply_of_the_wrong_shape_is_a_protocol_error_naming_the_call()
    {
        var (session, _) = Session(Ok("<SomethingElse/>"));
        (await Should.ThrowAsync<AwsProtocolException>(() => new StsClient(session).GetCallerIdentityAsync("us-east-1", CancellationToken.None)))
            .Message.ShouldBe("sts:GetCallerIdentity: the reply is <SomethingElse>, not <GetCallerIdentityResponse>");
    }

    [Fact]
    public async Task An_error_reply_names_the_action_and_code_but_never_the_secret()
    {
        var (session, _) = Session(QueryError(HttpStatusCode.Forbidden, "SignatureDoesNotMatch", "The request signature we calculated does not match"));
        var problem = await Should.ThrowAsync<AwsServiceException>(() => new StsClient(session).GetCallerIdentityAsync("us-east-1", CancellationToken.None));
        problem.Message.ShouldStartWith("sts:GetCallerIdentity: SignatureDoesNotMatch");
        problem.ToString().ShouldNotContain("secret");
    }
}
