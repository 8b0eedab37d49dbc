namespace Tocsin.Aws.Http;

/// <summary>
/// Sorts AWS error codes by what a client should do. AWS reports throttling as a 400 with a code, so the code
/// decides, not the status alone; the lists follow the AWS SDKs' retry rules.
/// </summary>
public static class AwsErrorCodes
{
    private static readonly HashSet<string> Throttling = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    private static readonly HashSet<string> Transient = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "InternalServiceError",
        "InternalServerError", "ServiceUnavailable", "ServiceUnavailableException", "IDPCommunicationError",
    };

    private static readonly HashSet<string> Skew = new(StringComparer.Ordinal)
    {
        "RequestTimeTooSkewed", "RequestExpired", "RequestInTheFuture",
    };

    private static readonly HashSet<string> Denied = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "AuthorizationError", "AuthorizationErrorException", "UnauthorizedOperation",
        "UnauthorizedAccess", "AWSOrganizationsNotInUseException", "ExpiredToken", "ExpiredTokenException",
        "SignatureDoesNotMatch", "InvalidSignatureException",
    };

    private static readonly HashSet<string> Missing = new(StringComparer.Ordinal)
    {
        "ResourceNotFoundException", "NotFound", "NotFoundException", "TrailNotFoundException", "TrailNotFound",
        "InvalidTrailNameException",
    };

    /// <summary>
    /// Credentials AWS does not recognise in one region while they worked for the scan to start: the region is not
    /// enabled for the account (opt-in regions answer this way), so its values are unavailable rather than denied.
    /// </summary>
    private static readonly HashSet<string> RegionRefused = new(StringComparer.Ordinal)
    {
        "InvalidClientTokenId", "UnrecognizedClientException", "OptInRequired", "AuthFailure",
    };

    public static AwsErrorKind Classify(string code, int status, string? message = null)
    {
        if (RegionRefused.Contains(code))
        {
            return AwsErrorKind.Other;
        }

        if (Throttling.Contains(code) || status == 429)
        {
            return AwsErrorKind.Throttled;
        }

        // Some services report an expired signature under a generic code; the message tells.
        if (Skew.Contains(code) || (message?.Contains("Signature expired", StringComparison.Ordinal) ?? false))
        {
            return AwsErrorKind.ClockSkew;
        }

        if (Transient.Contains(code) || status >= 500)
        {
            return AwsErrorKind.Transient;
        }

        if (Denied.Contains(code) || status == 403)
        {
            return AwsErrorKind.AccessDenied;
        }

        return Missing.Contains(code) || status == 404 ? AwsErrorKind.NotFound : AwsErrorKind.Other;
    }
}
