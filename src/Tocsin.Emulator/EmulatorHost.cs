using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tocsin.Emulator.Faults;
using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.Scenarios;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator;

/// <summary>
/// A running emulator: an AWS-compatible endpoint on 127.0.0.1 serving a scenario.
/// <code>await using var emulator = await EmulatorHost.StartAsync(Scenario.Builtin("demo-org"), faults: null, port: 0);</code>
/// then point clients at <see cref="Endpoint"/> with one of <see cref="Scenario.AccessKeys"/>.
/// </summary>
public sealed class EmulatorHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EmulatorHost(WebApplication app, Uri endpoint, Scenario scenario, EmulatorControl control)
    {
        _app = app;
        Endpoint = endpoint;
        Scenario = scenario;
        Control = control;
    }

    /// <summary>The endpoint URL for every service, e.g. <c>http://127.0.0.1:4566/</c>.</summary>
    public Uri Endpoint { get; }

    public Scenario Scenario { get; }

    public EmulatorControl Control { get; }

    /// <summary>Starts the emulator; <paramref name="port"/> 0 takes a free port. No scenario means <see cref="Scenario.Default"/>.</summary>
    /// <param name="limits">What one client may send; <see cref="EmulatorLimits.Default"/> when null.</param>
    /// <param name="eventPatterns">The EventBridge pattern matcher for PutRule and TestEventPattern; without one TestEventPattern is refused.</param>
    public static async Task<EmulatorHost> StartAsync(Scenario? scenario = null, FaultPlan? faults = null, int port = 0, TimeProvider? clock = null, CancellationToken cancellationToken = default, EmulatorLimits? limits = null, IEventPatternMatcher? eventPatterns = null)
    {
        limits ??= EmulatorLimits.Default;
        scenario ??= Scenario.Default();
        faults ??= FaultPlan.None;
        clock ??= TimeProvider.System;
        var state = new EmulatorState(faults.ClockSkew == TimeSpan.Zero ? clock : new SkewedClock(clock, faults.ClockSkew));
        scenario.ApplyTo(state);
        state.IsRegionDisabled = faults.IsRegionDisabled;
        state.EventPatterns = eventPatterns;
        var pipeline = new RequestPipeline(state, ServiceCatalog.Standard(), faults);
        var control = new EmulatorControl(state);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
            // A huge or slow request cannot take the endpoint down: bodies, headers and the time to send headers are bounded.
            kestrel.Limits.MaxRequestBodySize = limits.MaxBodyBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = limits.MaxHeaderBytes;
            kestrel.Limits.RequestHeadersTimeout = limits.HeadersTimeout;
            kestrel.Limits.MaxConcurrentConnections = limits.MaxConnections;
        });
        var app = builder.Build();
        app.Run(http => http.Request.Path.StartsWithSegments(ControlEndpoints.Prefix, StringComparison.Ordinal)
            ? ControlEndpoints.HandleAsync(http, control)
            : pipeline.HandleAsync(http));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException problem)
        {
            await app.DisposeAsync();
            throw new EmulatorInputException($"Cannot listen on 127.0.0.1:{port}: {problem.Message}");
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var bound = new Uri(address).Port;
        return new EmulatorHost(app, new Uri($"http://127.0.0.1:{bound}/"), scenario, control);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
