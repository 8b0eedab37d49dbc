using System.Net;

namespace Tocsin.Emulator.Protocol;

/// <summary>
/// How one AWS service is reached and how it refuses bad credentials, from its official model
/// (signing name, protocol, <c>targetPrefix</c>, <c>xmlNamespace</c>).
/// </summary>
internal sealed record ServiceDefinition(
    string SigningName,
    string IamPrefix,
    WireProtocol Protocol,
    string? TargetPrefix,
    string? JsonVersion,
    string? XmlNamespace,
    IReadOnlyDictionary<string, Operation> Operations)
{
    /// <summary>Members of query replies that are maps (written as <c>entry/key/value</c>), e.g. SNS <c>Attributes</c>.</summary>
    public IReadOnlySet<string> XmlMaps { get; init; } = new HashSet<string>();

    /// <summary>The model is awsQueryCompatible: JSON errors also carry the query error code in <c>x-amzn-query-error</c>.</summary>
    public bool QueryCompatible { get; init; }

    /// <summary>CloudWatch is served both as awsQuery and as awsJson1_0.</summary>
    public bool AlsoQuery { get; init; }

    public AwsError UnknownKey() => Protocol switch
    {
        WireProtocol.Json => new AwsError("UnrecognizedClientException", "The security token included in the request is invalid."),
        WireProtocol.Ec2 => new AwsError("AuthFailure", "AWS was not able to validate the provided access credentials", HttpStatusCode.Unauthorized),
        WireProtocol.RestXml => new AwsError("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", HttpStatusCode.Forbidden),
        _ => new AwsError("InvalidClientTokenId", "The security token included in the request is invalid.", HttpStatusCode.Forbidden),
    };

    public AwsError BadSignature(bool json) => json
        ? new AwsError("InvalidSignatureException", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.")
        : new AwsError("SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.", HttpStatusCode.Forbidden);

    public AwsError Expired(bool json) => json
        ? new AwsError("ExpiredTokenException", "The security token included in the request is expired")
        : new AwsError("ExpiredToken", "The security token included in the request is expired", HttpStatusCode.Forbidden);

    public AwsError Throttled(bool json) => (SigningName, json) switch
    {
        ("ec2", _) => new AwsError("RequestLimitExceeded", "Request limit exceeded.", HttpStatusCode.ServiceUnavailable),
        ("organizations", _) => new AwsError("TooManyRequestsException", "You have sent too many requests in too short a period of time."),
        ("s3", _) => new AwsError("SlowDown", "Please reduce your request rate.", HttpStatusCode.ServiceUnavailable),
        (_, true) => new AwsError("ThrottlingException", "Rate exceeded"),
        _ => new AwsError("Throttling", "Rate exceeded"),
    };

    public AwsError AccessDenied(bool json, string principalArn, string action) => new(
        json ? "AccessDeniedException" : "AccessDenied",
        $"User: {principalArn} is not authorized to perform: {action} because no identity-based policy allows the {action} action",
        json ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden);

    public AwsError UnknownOperation(bool json, string operation) => json
        ? new AwsError("UnknownOperationException", $"The operation {operation} is not supported by this emulator.")
        : new AwsError("InvalidAction", $"The action {operation} is not valid for this web service.");
}
