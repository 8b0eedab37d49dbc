namespace Tocsin.Core.Exceptions;

/// <summary>The exceptions of a run, judged against an injected clock so expiry is testable.</summary>
public sealed class ExceptionList
{
    private readonly TimeProvider clock;

    public ExceptionList(IReadOnlyList<ExceptionEntry> entries, TimeProvider clock)
    {
        Entries = entries;
        this.clock = clock;
    }

    public static ExceptionList Empty { get; } = new([], TimeProvider.System);

    public IReadOnlyList<ExceptionEntry> Entries { get; }

    /// <summary>Every entry past its expiry date, whether or not it matches a finding.</summary>
    public IReadOnlyList<ExceptionEntry> Expired => [.. Entries.Where(e => e.IsExpiredAt(clock.GetUtcNow()))];

    /// <summary>The first active entry (in file order) that covers <paramref name="key"/>, and any expired ones that would have.</summary>
    public ExceptionMatch Match(ExceptionKey key)
    {
        var now = clock.GetUtcNow();
        var covering = Entries.Where(e => Covers(e, key)).ToList();
        if (covering.Count == 0)
        {
            return ExceptionMatch.None;
        }

        return new ExceptionMatch(
            covering.FirstOrDefault(e => !e.IsExpiredAt(now)),
            [.. covering.Where(e => e.IsExpiredAt(now))]);
    }

    private static bool Covers(ExceptionEntry entry, ExceptionKey key) =>
        NamesControl(entry.Control, key)
        && entry.Accounts.Contains(key.AccountId)
        && (entry.Region is null || string.Equals(entry.Region, key.Region, StringComparison.OrdinalIgnoreCase))
        && (entry.Resource is null || key.Resources.Contains(entry.Resource));

    private static bool NamesControl(string control, ExceptionKey key) =>
        string.Equals(control, key.ControlId, StringComparison.OrdinalIgnoreCase)
        || key.ControlAliases.Any(alias => string.Equals(control, alias, StringComparison.OrdinalIgnoreCase));
}
