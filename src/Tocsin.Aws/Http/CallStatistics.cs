using System.Collections.Concurrent;

namespace Tocsin.Aws.Http;

/// <summary>
/// Counts of one account's traffic, safe to update from many calls at once: operations, HTTP attempts, throttles,
/// retries and calls that failed after every retry, with a count per IAM action.
/// </summary>
public sealed class CallStatistics
{
    private readonly ConcurrentDictionary<string, int> _byAction = new(StringComparer.Ordinal);
    private readonly CallStatistics? _total;
    private int _calls;
    private int _attempts;
    private int _throttles;
    private int _retries;
    private int _failures;

    /// <summary>Operations called (each page of a paginated list counts once).</summary>
    public CallStatistics()
    {
    }

    /// <summary>Counters that also count into <paramref name="total"/>: a run's totals, kept as its accounts call.</summary>
    public CallStatistics(CallStatistics total) => _total = total;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>HTTP requests sent, retries included.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public int Throttles => Volatile.Read(ref _throttles);

    public int Retries => Volatile.Read(ref _retries);

    /// <summary>Calls that still failed after their retries.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>Operations per IAM action, sorted by action.</summary>
    public IReadOnlyDictionary<string, int> ByAction => new SortedDictionary<string, int>(_byAction, StringComparer.Ordinal);

    internal void Called(string action)
    {
        Interlocked.Increment(ref _calls);
        _byAction.AddOrUpdate(action, 1, (_, count) => count + 1);
        _total?.Called(action);
    }

    internal void Attempted()
    {
        Interlocked.Increment(ref _attempts);
        _total?.Attempted();
    }

    internal void Throttled()
    {
        Interlocked.Increment(ref _throttles);
        _total?.Throttled();
    }

    internal void Retried()
    {
        Interlocked.Increment(ref _retries);
        _total?.Retried();
    }

    internal void Failed()
    {
        Interlocked.Increment(ref _failures);
        _total?.Failed();
    }
}
