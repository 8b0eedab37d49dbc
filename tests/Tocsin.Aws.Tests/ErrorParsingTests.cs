using System.Net;
using System.Text;
using Tocsin.Aws.Http;

namespace Tocsin.Aws.Tests;

public class ErrorParsingTests
{
    private static AwsErrorReply Parse(int status, string body, params (string Name, string Value)[] headers)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }

        return AwsErrorParser.Parse(status, response.Headers, Encoding.UTF8.GetBytes(body));
    }

    [Fact]
    public void Json_type_with_a_namespace_prefix_gives_the_bare_code()
    {
        Parse(400, """{"__type":"com.amazonaws.cloudtrail.v20131101#TrailNotFoundException","message":"Unknown trail"}""")
            .ShouldBe(new AwsErrorReply("TrailNotFoundException", "Unknown trail", null));
    }

    [Fact]
    public void The_error_type_header_wins_over_the_body_and_loses_its_url_suffix()
    {
        Parse(400, """{"__type":"Other","Message":"slow down"}""", ("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.coral.availability/"))
            .Code.ShouldBe("ThrottlingException");
    }

    [Fact]
    public void The_query_compatible_error_header_wins_over_the_error_type()
    {
        Parse(400, "{}", ("x-amzn-query-error", "Throttling;Sender"), ("x-amzn-ErrorType", "ThrottlingException"))
            .Code.ShouldBe("Throttling");
    }

    [Fact]
    public void Query_error_response_gives_code_message_and_request_id()
    {
        Parse(403, "<ErrorResponse><Error><Type>Sender</Type><Code>AuthorizationError</Code><Message>not authorized</Message></Error><RequestId>abc-1</RequestId></ErrorResponse>")
            .ShouldBe(new AwsErrorReply("AuthorizationError", "not authorized", "abc-1"));
    }

    [Fact]
    public void Ec2_error_response_is_read_from_its_errors_list()
    {
        Parse(400, "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message></Error></Errors><RequestID>r-9</RequestID></Response>")
            .ShouldBe(new AwsErrorReply("RequestLimitExceeded", "Request limit exceeded.", "r-9"));
    }

    [Fact]
    public void A_bodiless_forbidden_reply_reads_as_access_denied()
    {
        Parse(403, "").Code.ShouldBe("AccessDenied");
    }

    [Theory]
    [InlineData("Throttling", 400, AwsErrorKind.Throttled)]
    [InlineData("ThrottlingException", 400, AwsErrorKind.Throttled)]
    [InlineData("TooManyRequestsException", 400, AwsErrorKind.Throttled)]
    [InlineData("RequestLimitExceeded", 503, AwsErrorKind.Throttled)]
    [InlineData("InternalFailure", 500, AwsErrorKind.Transient)]
    [InlineData("Anything", 502, AwsErrorKind.Transient)]
    [InlineData("RequestTimeTooSkewed", 403, AwsErrorKind.ClockSkew)]
    [InlineData("AccessDeniedException", 400, AwsErrorKind.AccessDenied)]
    [InlineData("AuthorizationError", 403, AwsErrorKind.AccessDenied)]
    [InlineData("UnauthorizedOperation", 403, AwsErrorKind.AccessDenied)]
    [InlineData("ResourceNotFoundException", 400, AwsErrorKind.NotFound)]
    [InlineData("UnrecognizedClientException", 403, AwsErrorKind.Other)]
    [InlineData("ValidationException", 400, AwsErrorKind.Other)]
    public void Error_codes_are_sorted_by_what_to_do_about_them(string code, int status, AwsErrorKind kind)
    {
        AwsErrorCodes.Classify(code, status).ShouldBe(kind);
    }
}
