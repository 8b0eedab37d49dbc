using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Tocsin.Backtest.Results;

namespace Tocsin.Backtest.Judging;

/// <summary>
/// Counts for one pattern, kept by one reading thread and merged at the end: events, per period, per population, who
/// and where, and beside the baseline what it missed and added. Breakdowns stop growing at
/// <see cref="MaxDistinct"/> values (the rest count as <c>(other)</c>), so memory stays bounded on any history.
/// </summary>
internal sealed class SubjectTally
{
    public const int MaxDistinct = 10_000;

    public long Matches { get; private set; }

    public Dictionary<long, long> Periods { get; } = [];

    public Dictionary<string, long> Populations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Principals { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> SourceIps { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Accounts { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, long> Regions { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, OccurrenceTally> Missed { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, OccurrenceTally> Extra { get; } = new(StringComparer.Ordinal);

    public OccurrenceTally All { get; } = new();

    public void Add(in RecordFacts facts, string? population, long? period)
    {
        Matches++;
        All.Add(facts);
        if (period is { } start)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(Periods, start, out _)++;
        }

        if (population is not null)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(Populations, population, out _)++;
        }

        Count(Principals, facts.Principal);
        Count(SourceIps, facts.SourceIp);
        Count(Accounts, facts.Account);
        Count(Regions, facts.Region);
    }

    public static void Note(Dictionary<string, OccurrenceTally> byPopulation, string population, in RecordFacts facts)
    {
        if (!byPopulation.TryGetValue(population, out var tally))
        {
            byPopulation[population] = tally = new OccurrenceTally();
        }

        tally.Add(facts);
    }

    public void Merge(SubjectTally other)
    {
        Matches += other.Matches;
        All.Merge(other.All);
        MergeCounts(Periods, other.Periods);
        MergeCounts(Populations, other.Populations);
        MergeCounts(Principals, other.Principals);
        MergeCounts(SourceIps, other.SourceIps);
        MergeCounts(Accounts, other.Accounts);
        MergeCounts(Regions, other.Regions);
        MergeOccurrences(Missed, other.Missed);
        MergeOccurrences(Extra, other.Extra);
    }

    // one lookup for a value already counted, the common case: every matched record passes here for each of its figures
    private static void Count(Dictionary<string, long> counts, string value)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(counts, value);
        if (!Unsafe.IsNullRef(ref count))
        {
            count++;
            return;
        }

        CollectionsMarshal.GetValueRefOrAddDefault(counts, counts.Count >= MaxDistinct ? "(other)" : value, out _)++;
    }

    private static void MergeCounts<TKey>(Dictionary<TKey, long> into, Dictionary<TKey, long> from)
        where TKey : notnull
    {
        foreach (var (key, count) in from)
        {
            into[key] = into.GetValueOrDefault(key) + count;
        }
    }

    private static void MergeOccurrences(Dictionary<string, OccurrenceTally> into, Dictionary<string, OccurrenceTally> from)
    {
        foreach (var (key, tally) in from)
        {
            if (!into.TryGetValue(key, out var mine))
            {
                into[key] = mine = new OccurrenceTally();
            }

            mine.Merge(tally);
        }
    }
}

/// <summary>
/// A count and the latest event counted (by <c>eventTime</c>, ties broken by principal, source IP and account), so the
/// result is the same whichever thread read which file.
/// </summary>
internal sealed class OccurrenceTally
{
    public long Count { get; private set; }

    public RecordFacts? Latest { get; private set; }

    public void Add(in RecordFacts facts)
    {
        Count++;
        if (Latest is not { } latest || Later(facts, latest))
        {
            Latest = facts;
        }
    }

    public void Merge(OccurrenceTally other)
    {
        Count += other.Count;
        if (other.Latest is { } theirs && (Latest is not { } mine || Later(theirs, mine)))
        {
            Latest = theirs;
        }
    }

    private static bool Later(in RecordFacts candidate, in RecordFacts current)
    {
        var byTime = Nullable.Compare(candidate.Time, current.Time);
        if (byTime != 0)
        {
            return byTime > 0;
        }

        var tie = string.CompareOrdinal(candidate.Principal, current.Principal);
        tie = tie != 0 ? tie : string.CompareOrdinal(candidate.SourceIp, current.SourceIp);
        return (tie != 0 ? tie : string.CompareOrdinal(candidate.Account, current.Account)) < 0;
    }

    public Occurrence ToOccurrence() =>
        new(Count, Latest?.Time, Latest?.SourceIp ?? RecordFacts.Unknown, Latest?.Principal ?? RecordFacts.Unknown);
}
