namespace Tocsin.Core.Exceptions;

/// <summary>
/// The result of matching a finding against the exceptions: the entry that suppresses it, if any, and the
/// expired entries that would have matched (they suppress nothing and are reported).
/// </summary>
public sealed record ExceptionMatch(ExceptionEntry? Active, IReadOnlyList<ExceptionEntry> Expired)
{
    public static ExceptionMatch None { get; } = new(null, []);

    public bool Suppresses => Active is not null;
}
