namespace Tocsin.Aws.Collection;

/// <summary>One account's traffic during a collection.</summary>
/// <param name="Calls">Operations called (each page counts once; AssumeRole into the account included).</param>
/// <param name="Attempts">HTTP requests sent, retries included.</param>
/// <param name="Failures">Calls that failed after their retries (their values are unknown in the inventory).</param>
/// <param name="ByAction">Calls per IAM action.</param>
public sealed record AccountCalls(string AccountId, int Calls, int Attempts, int Throttles, int Retries, int Failures, IReadOnlyDictionary<string, int> ByAction);

/// <summary>
/// The run summary of a collection, for the JSON report: calls per account, throttles and retries, how long it took.
/// </summary>
/// <param name="Caller">The ARN of the identity that started the scan.</param>
/// <param name="Accounts">Per account, sorted by id.</param>
/// <param name="RetryBudgetLeft">Tokens left in the retry budget at the end.</param>
public sealed record CollectSummary(
    string Caller,
    int Calls,
    int Attempts,
    int Throttles,
    int Retries,
    int Failures,
    TimeSpan Duration,
    int Concurrency,
    int RetryBudgetLeft,
    IReadOnlyList<AccountCalls> Accounts);
