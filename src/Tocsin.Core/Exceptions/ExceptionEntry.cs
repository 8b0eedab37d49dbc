namespace Tocsin.Core.Exceptions;

/// <summary>
/// One accepted risk from the exceptions file: findings of <see cref="Control"/> in <see cref="Accounts"/>
/// (optionally only in <see cref="Region"/>, only where <see cref="Resource"/> is in the evidence) are
/// suppressed until the end of <see cref="Expires"/> (UTC).
/// </summary>
/// <param name="Control">A control id or any of its aliases, as written (e.g. <c>cis-aws-1.2:3.2</c>).</param>
/// <param name="File">The exceptions file the entry came from.</param>
/// <param name="Line">The 1-based line of the entry, for reports.</param>
public sealed record ExceptionEntry(
    string Control,
    IReadOnlyList<string> Accounts,
    string? Region,
    string? Resource,
    string Owner,
    string Reason,
    DateOnly Expires,
    string File,
    int Line)
{
    /// <summary>Active through the whole expiry day in UTC; expired from the next midnight.</summary>
    public bool IsExpiredAt(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime) > Expires;

    public override string ToString() => $"{File}:{Line} ({Control}, owner {Owner}, expires {Expires:yyyy-MM-dd})";
}
