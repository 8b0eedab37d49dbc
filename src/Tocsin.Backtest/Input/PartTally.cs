namespace Tocsin.Backtest.Input;

/// <summary>What reading one part has found so far: records handed on and bad records, the first few listed.</summary>
internal sealed class PartTally(InputPart part, ReadLimits limits)
{
    private List<BadRecord>? listed;

    public long Records { get; private set; }

    public long BadRecordsNotListed { get; private set; }

    public IReadOnlyList<BadRecord> BadRecords => listed ?? (IReadOnlyList<BadRecord>)[];

    public void Handed() => Records++;

    /// <summary>Counts <paramref name="count"/> well-formed records at once.</summary>
    public void Handed(int count) => Records += count;

    public void Bad(long offset, string reason)
    {
        listed ??= [];
        if (listed.Count < limits.MaxBadRecordsListed)
        {
            listed.Add(new BadRecord(part.Path, offset, reason));
        }
        else
        {
            BadRecordsNotListed++;
        }
    }

    /// <summary>A record too long to keep; the reason is the same wherever it happens.</summary>
    public void TooLong(long offset) => Bad(offset, $"a record longer than {limits.MaxRecordBytes} bytes: skipped");
}
