using System.Net;

namespace Tocsin.Emulator.Protocol;

/// <summary>
/// An error the emulated service answers with: the code and HTTP status the official model gives it.
/// Thrown by operations; the protocol writer turns it into a JSON <c>__type</c> or an XML <c>ErrorResponse</c>.
/// </summary>
public sealed class AwsError(string code, string message, HttpStatusCode status = HttpStatusCode.BadRequest, bool senderFault = true)
    : Exception(message)
{
    public string Code { get; } = code;

    public HttpStatusCode Status { get; } = status;

    /// <summary>Query protocol's <c>Type</c>: <c>Sender</c> for the caller's mistakes, <c>Receiver</c> for ours.</summary>
    public bool SenderFault { get; } = senderFault;

    public static AwsError NotFound(string code, string message) => new(code, message, HttpStatusCode.NotFound);

    public static AwsError InvalidParameter(string code, string message) => new(code, message);
}
