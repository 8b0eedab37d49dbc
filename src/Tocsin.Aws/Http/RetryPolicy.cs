namespace Tocsin.Aws.Http;

/// <summary>Waits between attempts; tests pass one that records the delay and returns at once.</summary>
public delegate Task RetryDelay(TimeSpan delay, CancellationToken cancellationToken);

/// <summary>
/// How calls are retried: full-jitter exponential backoff (a random wait between zero and
/// <c>min(MaxDelay, BaseDelay * 2^retry)</c>), at most <see cref="MaxAttempts"/> attempts per call, each attempt
/// given <see cref="AttemptTimeout"/>.
/// </summary>
public sealed record RetryPolicy(int MaxAttempts = 6, TimeSpan? BaseDelay = null, TimeSpan? MaxDelay = null, TimeSpan? AttemptTimeout = null)
{
    public static RetryPolicy Default { get; } = new();

    public TimeSpan Base => BaseDelay ?? TimeSpan.FromMilliseconds(200);

    public TimeSpan Cap => MaxDelay ?? TimeSpan.FromSeconds(20);

    public TimeSpan Timeout => AttemptTimeout ?? TimeSpan.FromSeconds(30);

    /// <summary>The ceiling of the wait before retry number <paramref name="retry"/> (0 for the first retry).</summary>
    public TimeSpan Ceiling(int retry)
    {
        var ticks = Base.Ticks * Math.Pow(2, Math.Min(retry, 30));
        return ticks >= Cap.Ticks ? Cap : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The full-jitter wait: <paramref name="draw"/> in [0, 1) scales the ceiling.</summary>
    public TimeSpan Backoff(int retry, double draw) => TimeSpan.FromTicks((long)(Ceiling(retry).Ticks * draw));
}
