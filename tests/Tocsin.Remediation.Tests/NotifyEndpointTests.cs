using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Tests;

public sealed class NotifyEndpointTests
{
    [Theory]
    [InlineData("email:sec@example.com", "email", "sec@example.com")]
    [InlineData("https:https://hooks.example.com/alarm", "https", "https://hooks.example.com/alarm")]
    [InlineData("https://hooks.example.com/alarm", "https", "https://hooks.example.com/alarm")]
    [InlineData("sqs:arn:aws:sqs:us-east-1:111111111111:alerts", "sqs", "arn:aws:sqs:us-east-1:111111111111:alerts")]
    [InlineData("lambda:arn:aws:lambda:us-east-1:111111111111:function:page", "lambda", "arn:aws:lambda:us-east-1:111111111111:function:page")]
    public void Notify_reads_each_kind_of_endpoint(string text, string protocol, string endpoint)
    {
        var notify = NotifyEndpoint.Parse(text, out var problem).ShouldNotBeNull();

        (notify.Protocol, notify.Endpoint, problem).ShouldBe((protocol, endpoint, null));
    }

    [Theory]
    [InlineData("sec@example.com")]
    [InlineData("email:nobody")]
    [InlineData("https:http://insecure.example.com")]
    [InlineData("sqs:alerts")]
    [InlineData("sms:+15555550100")]
    public void Notify_refuses_what_is_not_an_endpoint_and_says_what_it_expects(string text)
    {
        NotifyEndpoint.Parse(text, out var problem).ShouldBeNull();

        problem.ShouldNotBeNull().ShouldContain("email:ADDRESS, https:URL, sqs:QUEUE-ARN or lambda:FUNCTION-ARN");
    }
}
