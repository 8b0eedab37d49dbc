using Tocsin.Aws.Http;

namespace Tocsin.Aws.Collection;

/// <summary>What the collector is built with, so tests run without network, sleeps or chance.</summary>
public sealed record CollectorOptions
{
    /// <summary>The handler that talks to the network; a pooled SocketsHttpHandler when null.</summary>
    public HttpMessageHandler? Handler { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How retry waits are spent; a real delay on <see cref="Clock"/> when null.</summary>
    public RetryDelay? Delay { get; init; }

    /// <summary>The dice of full-jitter backoff.</summary>
    public Random? Random { get; init; }

    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    /// <summary>Told of every AWS operation once it ends (<c>--verbose</c>): action, account, region, status, latency.</summary>
    public Action<ApiCallRecord>? CallLog { get; init; }

    /// <summary>Reads environment variables (AWS_ENDPOINT_URL...); the process environment when null.</summary>
    public Func<string, string?>? Environment { get; init; }
}
