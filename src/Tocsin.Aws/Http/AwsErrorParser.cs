using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Tocsin.Aws.Http;

/// <summary>The code and message of an AWS error reply, whatever the protocol.</summary>
public sealed record AwsErrorReply(string Code, string Message, string? RequestId);

/// <summary>
/// Reads an error from an AWS reply: <c>x-amzn-query-error</c>, then <c>x-amzn-ErrorType</c>, then the body's
/// <c>__type</c> / <c>code</c> (JSON protocols) or <c>&lt;Error&gt;&lt;Code&gt;</c> (query and EC2 XML). A
/// <c>prefix#</c> or <c>:url</c> decoration is stripped, as the SDKs do.
/// </summary>
public static class AwsErrorParser
{
    public static AwsErrorReply Parse(int status, HttpResponseHeaders headers, byte[] body)
    {
        var requestId = First(headers, "x-amzn-RequestId") ?? First(headers, "x-amz-request-id");
        string? code = null;
        if (First(headers, "x-amzn-query-error") is { } queryError)
        {
            code = queryError.Split(';')[0];
        }

        code ??= First(headers, "x-amzn-ErrorType");
        var (bodyCode, message, bodyRequestId) = FromBody(body);
        code ??= bodyCode;
        code = code is null ? null : Clean(code);
        if (string.IsNullOrEmpty(code))
        {
            code = status switch
            {
                403 => "AccessDenied",
                404 => "NotFound",
                429 => "TooManyRequestsException",
                >= 500 => "InternalFailure",
                _ => $"Http{status}",
            };
        }

        return new AwsErrorReply(code, message ?? $"HTTP {status} with no error message", requestId ?? bodyRequestId);
    }

    private static string? First(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) : null;

    /// <summary>"aws.protocoltests#ThrottlingException:http://..." becomes "ThrottlingException".</summary>
    internal static string Clean(string code)
    {
        var hash = code.LastIndexOf('#');
        var text = hash >= 0 ? code[(hash + 1)..] : code;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return (colon >= 0 ? text[..colon] : text).Trim();
    }

    private static (string? Code, string? Message, string? RequestId) FromBody(byte[] body)
    {
        if (body.Length == 0)
        {
            return (null, null, null);
        }

        var text = Encoding.UTF8.GetString(body).Trim();
        if (text.StartsWith('{'))
        {
            try
            {
                using var json = JsonDocument.Parse(text);
                var root = json.RootElement;
                return (String(root, "__type") ?? String(root, "code") ?? String(root, "Code"),
                    String(root, "message") ?? String(root, "Message") ?? String(root, "errorMessage"),
                    null);
            }
            catch (JsonException)
            {
                return (null, Shorten(text), null);
            }
        }

        if (text.StartsWith('<'))
        {
            try
            {
                var xml = XDocument.Parse(text);
                var error = xml.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
                string? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
                var requestId = xml.Descendants().FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID")?.Value;
                return (Child(error, "Code"), Child(error, "Message"), requestId);
            }
            catch (System.Xml.XmlException)
            {
                return (null, Shorten(text), null);
            }
        }

        return (null, Shorten(text), null);
    }

    private static string? String(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";
}
