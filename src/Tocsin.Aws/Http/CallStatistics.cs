using System.Collections.Concurrent;

namespace Tocsin.Aws.Http;

/// <summary>
/// Counts of one account's traffic, safe to update from many calls at once: operations, HTTP attempts, throttles,
/// retries and calls that failed after every retry, with a count per IAM action.
/// </summary>
public sealed class CallStatistics
{
    private readonly ConcurrentDictionary<string, int> _byAction = new(StringComparer.Ordinal);
    private readonly int[] _counts = new int[Enum.GetValues<Counter>().Length];
    private readonly CallStatistics? _total;

    public CallStatistics()
    {
    }

    /// <summary>Counters that also count into <paramref name="total"/>: a run's totals, kept as its accounts call.</summary>
    public CallStatistics(CallStatistics total) => _total = total;

    private enum Counter
    {
        Calls,
        Attempts,
        Throttles,
        Retries,
        Failures,
    }

    public int Calls => Read(Counter.Calls);

    public int Attempts => Read(Counter.Attempts);

    public int Throttles => Read(Counter.Throttles);

    public int Retries => Read(Counter.Retries);

    public int Failures => Read(Counter.Failures);

    public IReadOnlyDictionary<string, int> ByAction => new SortedDictionary<string, int>(_byAction, StringComparer.Ordinal);

    internal void Called(string action)
    {
        _byAction.AddOrUpdate(action, 1, (_, count) => count + 1);
        _total?._byAction.AddOrUpdate(action, 1, (_, count) => count + 1);
        Count(Counter.Calls);
    }

    internal void Attempted() => Count(Counter.Attempts);

    internal void Throttled() => Count(Counter.Throttles);

    internal void Retried() => Count(Counter.Retries);

    internal void Failed() => Count(Counter.Failures);

    private int Read(Counter counter) => Volatile.Read(ref _counts[(int)counter]);

    private void Count(Counter counter)
    {
        Interlocked.Increment(ref _counts[(int)counter]);
        _total?.Count(counter);
    }
}
