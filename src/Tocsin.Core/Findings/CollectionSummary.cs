namespace Tocsin.Core.Findings;

/// <summary>
/// What reading live AWS cost, reported beside the findings of a scan: API calls, throttles and retries, in all and
/// per account, and how long it took. Absent when the findings come from a snapshot or IaC.
/// </summary>
public sealed record CollectionSummary(
    int Calls,
    int Throttles,
    int Retries,
    int Failures,
    TimeSpan Duration,
    IReadOnlyList<AccountCallCount> Accounts)
{
    /// <summary>The ARN of the identity that scanned (several, comma-separated, when targets started from different ones).</summary>
    public string? Caller { get; init; }
}

/// <summary>The API calls made for one account; <see cref="ByAction"/> counts them per IAM action.</summary>
public sealed record AccountCallCount(string AccountId, int Calls, int Throttles, int Retries, int Failures, IReadOnlyDictionary<string, int> ByAction);
