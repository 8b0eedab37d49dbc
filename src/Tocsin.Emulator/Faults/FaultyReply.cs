using System.Text;
using Microsoft.AspNetCore.Http;

namespace Tocsin.Emulator.Faults;

/// <summary>
/// Writes a successful reply's body, broken as the request's fault decision says: cut short, malformed in its
/// protocol's own way, replaced by an HTML page, padded to many megabytes, sent a byte at a time, or dropped
/// half-way. The status and content type are already set.
/// </summary>
internal static class FaultyReply
{
    private const string HtmlPage = "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>The proxy received an invalid response from an upstream server.</p></body></html>\n";

    public static async Task WriteAsync(HttpContext http, byte[] body, FaultDecision fault, FaultPlan plan)
    {
        var aborted = http.RequestAborted;
        switch (fault.Kind)
        {
            case FaultKind.Truncated:
                var cut = CutPoint(body.Length, fault.Fraction);
                http.Response.ContentLength = cut;
                await http.Response.Body.WriteAsync(body.AsMemory(0, cut), aborted);
                return;
            case FaultKind.Malformed:
                await http.Response.Body.WriteAsync(Malformed(body, http.Response.ContentType), aborted);
                return;
            case FaultKind.WrongContentType:
                http.Response.ContentType = "text/html; charset=utf-8";
                await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(HtmlPage), aborted);
                return;
            case FaultKind.Oversized:
                await WriteOversizedAsync(http, body, plan.OversizedBytes);
                return;
            case FaultKind.Trickle:
                await TrickleAsync(http, body, plan.TrickleDelay);
                return;
            case FaultKind.ConnectionReset:
                http.Response.ContentLength = body.Length;
                await http.Response.Body.WriteAsync(body.AsMemory(0, body.Length / 2), aborted);
                await http.Response.Body.FlushAsync(aborted);
                http.Abort();
                return;
            default:
                await http.Response.Body.WriteAsync(body, aborted);
                return;
        }
    }

    /// <summary>Somewhere strictly inside the body, so that a non-empty body always loses something and keeps something.</summary>
    internal static int CutPoint(int length, double fraction) =>
        length <= 1 ? 0 : Math.Clamp((int)(length * fraction), 1, length - 1);

    /// <summary>
    /// Broken so that no parser of the protocol can read it: JSON gets a comma where a member must be; XML closes
    /// its root with the wrong tag; CBOR starts with a "break" byte outside any indefinite-length item.
    /// </summary>
    internal static byte[] Malformed(byte[] body, string? contentType)
    {
        if (contentType?.Contains("cbor", StringComparison.OrdinalIgnoreCase) == true)
        {
            return [0xFF, .. body];
        }

        var text = Encoding.UTF8.GetString(body);
        if (contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true || text.StartsWith('{'))
        {
            return Encoding.UTF8.GetBytes(text.StartsWith('{') ? "{," + text[1..] : "{,}");
        }

        var lastClose = text.LastIndexOf("</", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(lastClose >= 0 ? text[..lastClose] + "</Malformed>" : "<Malformed>" + text);
    }

    /// <summary>JSON and XML allow whitespace after the document, so the padded reply still says the same; CBOR does not, and is sent as it is.</summary>
    private static async Task WriteOversizedAsync(HttpContext http, byte[] body, long size)
    {
        var aborted = http.RequestAborted;
        if (http.Response.ContentType?.Contains("cbor", StringComparison.OrdinalIgnoreCase) == true || size <= body.Length)
        {
            await http.Response.Body.WriteAsync(body, aborted);
            return;
        }

        http.Response.ContentLength = size;
        await http.Response.Body.WriteAsync(body, aborted);
        var spaces = new byte[64 * 1024];
        Array.Fill(spaces, (byte)' ');
        for (var left = size - body.Length; left > 0; left -= spaces.Length)
        {
            await http.Response.Body.WriteAsync(spaces.AsMemory(0, (int)Math.Min(spaces.Length, left)), aborted);
        }
    }

    /// <summary>The status and headers at once, then one byte per delay: only the client's own timeout ends it early.</summary>
    private static async Task TrickleAsync(HttpContext http, byte[] body, TimeSpan delay)
    {
        var aborted = http.RequestAborted;
        http.Response.ContentLength = body.Length;
        await http.Response.StartAsync(aborted);
        await http.Response.Body.FlushAsync(aborted);
        for (var i = 0; i < body.Length; i++)
        {
            await Task.Delay(delay, aborted);
            await http.Response.Body.WriteAsync(body.AsMemory(i, 1), aborted);
            await http.Response.Body.FlushAsync(aborted);
        }
    }
}
