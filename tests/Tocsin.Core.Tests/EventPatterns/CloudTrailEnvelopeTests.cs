using System.Text.Json;
using Tocsin.Core.Controls;
using Tocsin.Core.EventPatterns;

namespace Tocsin.Core.Tests.EventPatterns;

public class CloudTrailEnvelopeTests
{
    private static JsonElement Wrapped(string record) => JsonDocument.Parse(CloudTrailEnvelope.Wrap(record)).RootElement;

    [Fact]
    public void A_console_sign_in_record_arrives_as_an_aws_signin_event_with_the_record_as_detail()
    {
        var record = ControlCatalog.Default.Find("console-signin-without-mfa")!.Corpus.First(item => item.Population == "iam-user-no-mfa").Event;

        var envelope = JsonDocument.Parse(CloudTrailEnvelope.Wrap(record)).RootElement;

        envelope.GetProperty("version").GetString().ShouldBe("0");
        envelope.GetProperty("detail-type").GetString().ShouldBe("AWS Console Sign In via CloudTrail");
        envelope.GetProperty("source").GetString().ShouldBe("aws.signin");
        envelope.GetProperty("account").GetString().ShouldBe(record.GetProperty("recipientAccountId").GetString());
        envelope.GetProperty("time").GetString().ShouldBe(record.GetProperty("eventTime").GetString());
        envelope.GetProperty("region").GetString().ShouldBe(record.GetProperty("awsRegion").GetString());
        envelope.GetProperty("id").GetString().ShouldBe(record.GetProperty("eventID").GetString());
        envelope.GetProperty("resources").GetArrayLength().ShouldBe(0);
        JsonElement.DeepEquals(envelope.GetProperty("detail"), record).ShouldBeTrue();
    }

    [Fact]
    public void An_iam_api_call_arrives_as_an_aws_api_call_event_from_aws_iam()
    {
        var envelope = Wrapped("""{"eventSource":"iam.amazonaws.com","eventType":"AwsApiCall","eventName":"CreateUser","awsRegion":"us-east-1"}""");

        envelope.GetProperty("detail-type").GetString().ShouldBe("AWS API Call via CloudTrail");
        envelope.GetProperty("source").GetString().ShouldBe("aws.iam");
    }

    [Theory]
    [InlineData("AwsConsoleAction", "AWS Console Action via CloudTrail")]
    [InlineData("AwsServiceEvent", "AWS Service Event via CloudTrail")]
    [InlineData("AwsCloudTrailInsight", "AWS Insight via CloudTrail")]
    public void Every_cloudtrail_event_type_has_its_detail_type(string eventType, string detailType) =>
        CloudTrailEnvelope.DetailTypeFor(eventType).ShouldBe(detailType);

    [Fact]
    public void A_field_the_record_lacks_is_left_out_of_the_envelope()
    {
        var envelope = Wrapped("""{"eventName":"ConsoleLogin"}""");

        envelope.TryGetProperty("region", out _).ShouldBeFalse();
        envelope.TryGetProperty("source", out _).ShouldBeFalse();
    }
}
