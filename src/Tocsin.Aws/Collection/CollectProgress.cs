namespace Tocsin.Aws.Collection;

/// <summary>Where a collection stands, reported as each account finishes.</summary>
/// <param name="Account">The account that just finished, null for the first report.</param>
public sealed record CollectProgress(int AccountsDone, int AccountsTotal, int Calls, int Throttles, int Retries, string? Account);
