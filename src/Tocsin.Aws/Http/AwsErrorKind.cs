namespace Tocsin.Aws.Http;

/// <summary>What an AWS error means for a scan: retry it, or give up and say why the value is unknown.</summary>
public enum AwsErrorKind
{
    /// <summary>AWS asked the caller to slow down (retryable).</summary>
    Throttled,

    /// <summary>A 5xx, a timeout or a dropped connection (retryable).</summary>
    Transient,

    /// <summary>The signature's clock is too far from AWS's (retryable once the offset is known).</summary>
    ClockSkew,

    /// <summary>The caller may not do this (AccessDenied, AuthorizationError, UnauthorizedOperation, invalid keys).</summary>
    AccessDenied,

    /// <summary>The thing asked about does not exist.</summary>
    NotFound,

    /// <summary>Any other error: the request itself was wrong, or the service does not support it.</summary>
    Other,
}
