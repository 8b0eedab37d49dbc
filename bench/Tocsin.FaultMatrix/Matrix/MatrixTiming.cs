using Tocsin.Aws.Http;

namespace Tocsin.FaultMatrix;

/// <summary>
/// The scanner's retry policy and the emulator's slow faults, scaled down so hundreds of faulted scans fit in
/// minutes while keeping their order: a hung request (<see cref="ServerTimeout"/>) and a trickling reply outlast the
/// scanner's per-attempt timeout, so only the client's timeout ends them, as against AWS.
/// </summary>
internal static class MatrixTiming
{
    public static RetryPolicy Policy { get; } = new(MaxAttempts: 6, BaseDelay: TimeSpan.FromMilliseconds(25), MaxDelay: TimeSpan.FromSeconds(1), AttemptTimeout: TimeSpan.FromSeconds(2));

    /// <summary>How long the emulator holds a request it times out before dropping the connection.</summary>
    public static TimeSpan ServerTimeout { get; } = TimeSpan.FromSeconds(5);

    /// <summary>One byte per this long: a reply of a kilobyte would take minutes.</summary>
    public static TimeSpan TrickleDelay { get; } = TimeSpan.FromMilliseconds(200);

    public const long OversizedBytes = 10 * 1024 * 1024;

    /// <summary>
    /// Calls that must follow one another in a scan: GetCallerIdentity, DescribeOrganization, ListAccounts, AssumeRole,
    /// DescribeRegions, DescribeTrails, DescribeMetricFilters, DescribeAlarms, GetTopicAttributes, DescribeKey, GetKeyPolicy.
    /// </summary>
    public const int CriticalPathCalls = 11;

    /// <summary>What an attempt may take when nothing hangs it: the injected latency, plus time to read a 10 MB reply on a busy machine.</summary>
    public static TimeSpan PromptAttempt { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The longest one call can take: every attempt as slow as the configuration allows (the per-attempt timeout when
    /// requests may hang or trickle, else the latency and a prompt reply), with the longest waits between attempts.
    /// </summary>
    public static TimeSpan WorstCall(TimeSpan latency, bool requestsMayHang)
    {
        var waits = Enumerable.Range(0, Policy.MaxAttempts - 1).Aggregate(TimeSpan.Zero, (sum, retry) => sum + Policy.Ceiling(retry));
        var attempt = requestsMayHang ? Policy.Timeout : latency + PromptAttempt;
        return (attempt * Policy.MaxAttempts) + waits;
    }

    /// <summary>The time a scan must end within: every call of the critical path at its worst, plus twice the fault-free scan's time.</summary>
    public static TimeSpan Budget(TimeSpan latency, bool requestsMayHang, TimeSpan faultFree) =>
        (WorstCall(latency, requestsMayHang) * CriticalPathCalls) + (faultFree * 2);
}
