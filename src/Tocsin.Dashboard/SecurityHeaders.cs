using Microsoft.AspNetCore.Http;

namespace Tocsin.Dashboard;

/// <summary>
/// The headers every answer carries: pages are server-rendered with one inline style sheet and inline SVG, so nothing
/// may load, run, frame them or follow them with a referrer; and no page is cached, since it shows a moving store.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static void AddTo(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.CacheControl = "no-store";
    }
}
