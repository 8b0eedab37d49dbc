using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Tocsin.Dashboard.Pages;

namespace Tocsin.Dashboard;

/// <summary>
/// With a token, every request must carry it: <c>Authorization: Bearer T</c> (scripts), or the cookie a browser gets
/// by opening any page once with <c>?token=T</c>. That first request is answered with the cookie (HttpOnly,
/// SameSite=Strict) and a redirect to the same page without the token, so it leaves the address bar and the history.
/// Tokens are compared in constant time; anything else is a 401.
/// </summary>
internal sealed class TokenGate(string token)
{
    public const string CookieName = "tocsin_dashboard";
    public const string QueryName = "token";

    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    public async Task InvokeAsync(HttpContext http, RequestDelegate next)
    {
        if (http.Request.Query.TryGetValue(QueryName, out var given))
        {
            if (given.Count != 1 || !Matches(given[0]))
            {
                await Refuse(http);
                return;
            }

            http.Response.Cookies.Append(CookieName, given[0]!, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                Secure = http.Request.IsHttps,
            });
            http.Response.Redirect(WithoutToken(http.Request));
            return;
        }

        if (Bearer(http.Request) is { } bearer ? Matches(bearer) : Matches(http.Request.Cookies[CookieName]))
        {
            await next(http);
            return;
        }

        await Refuse(http);
    }

    private bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(_expected, SHA256.HashData(Encoding.UTF8.GetBytes(candidate)));

    private static string? Bearer(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        return header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? header[scheme.Length..].Trim() : null;
    }

    /// <summary>The page asked for, its other query parameters kept, as a path the redirect cannot send off-site.</summary>
    private static string WithoutToken(HttpRequest request)
    {
        var rest = request.Query
            .Where(pair => pair.Key != QueryName)
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string?>(pair.Key, value)))
            .ToList();
        var path = request.PathBase.Add(request.Path).ToUriComponent();
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal))
        {
            path = "/";
        }

        return rest.Count == 0 ? path : QueryHelpers.AddQueryString(path, rest);
    }

    private static Task Refuse(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        http.Response.Headers.WWWAuthenticate = "Bearer";
        http.Response.ContentType = Layout.ContentType;
        return http.Response.WriteAsync(Layout.Bare(
            "Token required",
            "This dashboard is guarded by a token. Open it once with ?token=… in the address (a cookie then keeps you signed in), or send Authorization: Bearer …"));
    }
}
