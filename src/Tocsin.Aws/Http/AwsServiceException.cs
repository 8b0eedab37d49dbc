using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Http;

/// <summary>
/// A call AWS answered with an error, or that never got an answer, after every retry it was allowed. Carries what
/// the collector needs to make the affected values unknown with a reason; never a credential.
/// </summary>
public sealed class AwsServiceException : Exception
{
    public AwsServiceException(string action, string code, string message, int status, AwsErrorKind kind, string? requestId = null, Exception? inner = null)
        : base($"{action}: {code}: {message}", inner)
    {
        Action = action;
        Code = code;
        AwsMessage = message;
        Status = status;
        Kind = kind;
        RequestId = requestId;
    }

    /// <summary>The IAM action of the call, e.g. <c>cloudtrail:DescribeTrails</c>.</summary>
    public string Action { get; }

    /// <summary>The AWS error code, e.g. <c>AccessDeniedException</c>.</summary>
    public string Code { get; }

    public string AwsMessage { get; }

    /// <summary>The HTTP status; 0 when no response came back.</summary>
    public int Status { get; }

    public AwsErrorKind Kind { get; }

    public string? RequestId { get; }

    /// <summary>Why a value this call would have told is unknown.</summary>
    public UnknownReason Reason => Kind switch
    {
        AwsErrorKind.AccessDenied => UnknownReason.AccessDenied,
        AwsErrorKind.Throttled => UnknownReason.Throttled,
        _ => UnknownReason.Unavailable,
    };

    /// <summary>An unknown value naming the call and the error, for the inventory.</summary>
    public Unknown ToUnknown() => new(Reason, $"{Action}: {Code}");
}
