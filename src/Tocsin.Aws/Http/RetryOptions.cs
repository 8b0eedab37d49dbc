namespace Tocsin.Aws.Http;

/// <summary>Everything the retry handler shares across a run: policy, budget, gates, the concurrency limit, the clock and the dice.</summary>
public sealed class RetryOptions
{
    private readonly Lock _diceGate = new();
    private readonly Random _dice;

    public RetryOptions(RetryPolicy? policy = null, int concurrency = 16, RetryDelay? delay = null, Random? random = null, TimeProvider? clock = null, RetryBudget? budget = null, AdaptiveGates? gates = null)
    {
        if (concurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(concurrency), concurrency, "at least one call must be allowed in flight");
        }

        var time = clock ?? TimeProvider.System;
        Policy = policy ?? RetryPolicy.Default;
        Concurrency = new SemaphoreSlim(concurrency, concurrency);
        Delay = delay ?? ((wait, token) => Task.Delay(wait, time, token));
        _dice = random ?? new Random();
        Clock = new ClockOffset(time);
        Budget = budget ?? new RetryBudget();
        Gates = gates ?? new AdaptiveGates();
    }

    public RetryPolicy Policy { get; }

    /// <summary>The run-wide limit of HTTP requests in flight (<c>--concurrency</c>).</summary>
    public SemaphoreSlim Concurrency { get; }

    public RetryDelay Delay { get; }

    public ClockOffset Clock { get; }

    public RetryBudget Budget { get; }

    public AdaptiveGates Gates { get; }

    internal double NextDraw()
    {
        lock (_diceGate)
        {
            return _dice.NextDouble();
        }
    }
}
