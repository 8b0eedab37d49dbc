using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tocsin.Dashboard.Pages;
using Tocsin.Store;

namespace Tocsin.Dashboard;

/// <summary>
/// A running dashboard over a run store: server-rendered pages on one address, loopback unless a token guards it.
/// <code>await using var dashboard = await DashboardHost.StartAsync(location, "127.0.0.1", port: 0, token: null);</code>
/// then open <see cref="Url"/>.
/// </summary>
public sealed class DashboardHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private DashboardHost(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The URL the dashboard answers on, with the port it bound (never the token), e.g. <c>http://127.0.0.1:8080/</c>.</summary>
    public Uri Url { get; }

    /// <summary>
    /// Starts serving <paramref name="location"/> on <paramref name="host"/> (an IP address or <c>localhost</c>) and
    /// <paramref name="port"/> (0 takes a free one). A non-loopback host needs a <paramref name="token"/>, which every
    /// request must then carry. The store is not opened here: each request opens it.
    /// </summary>
    /// <param name="log">Told of every request once answered (<c>serve --verbose</c>): method, path without its query (where a token may be), status, latency.</param>
    public static async Task<DashboardHost> StartAsync(StoreLocation location, string host, int port, string? token, CancellationToken cancellationToken = default, Action<string>? log = null)
    {
        var address = ListenAddress.Parse(host, port, token);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DashboardHost).Assembly.GetName().Name,
            // Never the developer exception page, whatever ASPNETCORE_ENVIRONMENT says: no stack trace reaches a browser.
            EnvironmentName = Environments.Production,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(address.Address, address.Port);
            kestrel.AddServerHeader = false;
            // Pages are GETs: no body, short headers, and a client that dribbles its headers is let go.
            kestrel.Limits.MaxRequestBodySize = 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 50;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(60);
            kestrel.Limits.MaxConcurrentConnections = 100;
        });
        var app = builder.Build();
        if (log is not null)
        {
            app.Use(async (http, next) =>
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                try
                {
                    await next(http);
                }
                finally
                {
                    log($"{http.Request.Method} {http.Request.Path} status={http.Response.StatusCode} latency={(int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds}ms");
                }
            });
        }

        app.Use(Guarded);
        if (token is not null)
        {
            app.Use(new TokenGate(token).InvokeAsync);
        }

        DashboardRoutes.Map(app, location);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException problem)
        {
            await app.DisposeAsync();
            throw new DashboardSetupException($"cannot listen on {address.UrlFor(port)}: {problem.Message}", problem);
        }

        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()).Port;
        return new DashboardHost(app, address.UrlFor(bound));
    }

    /// <summary>Refuses, before anything starts, an address the dashboard may not or cannot listen on (see <see cref="StartAsync"/>).</summary>
    public static void CheckAddress(string host, int port, string? token) => ListenAddress.Parse(host, port, token);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>
    /// Before anything else: the security headers on every answer, GET only, and a failure the pages did not expect
    /// told as a page with its reason, never a stack trace.
    /// </summary>
    private static async Task Guarded(HttpContext http, RequestDelegate next)
    {
        SecurityHeaders.AddTo(http.Response);
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            http.Response.Headers.Allow = "GET";
            http.Response.ContentType = Layout.ContentType;
            await http.Response.WriteAsync(Layout.Bare("Method not allowed", "The dashboard only shows pages: it answers GET requests alone."));
            return;
        }

        try
        {
            await next(http);
        }
        catch (Exception unexpected) when (!http.Response.HasStarted && unexpected is not OperationCanceledException)
        {
            http.Response.Clear();
            SecurityHeaders.AddTo(http.Response);
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
            http.Response.ContentType = Layout.ContentType;
            await http.Response.WriteAsync(Layout.Bare("The dashboard failed", $"This page could not be drawn: {unexpected.GetType().Name}: {unexpected.Message}"));
        }
    }
}
