namespace Tocsin.Backtest.Input;

/// <summary>
/// Bounds on what reading one part may cost, so a hostile or broken file cannot exhaust memory or disk time.
/// </summary>
public sealed record ReadLimits
{
    /// <summary>The limits a backtest uses unless told otherwise.</summary>
    public static ReadLimits Default { get; } = new();

    /// <summary>The read buffer's starting size; it grows only to hold a record longer than this.</summary>
    public int BufferBytes { get; init; } = 1 << 20;

    /// <summary>The longest record, in bytes (its line end included); a longer one is a bad record and is skipped.</summary>
    public int MaxRecordBytes { get; init; } = 16 << 20;

    /// <summary>How many bytes one gzip file may decompress to before reading it stops (a decompression bomb).</summary>
    public long MaxDecompressedBytes { get; init; } = 4L << 30;

    /// <summary>How many bad records one part lists with file, offset and reason; the rest are only counted.</summary>
    public int MaxBadRecordsListed { get; init; } = 1000;

    /// <summary>Room past the longest record for what comes between records (a comma, indentation), so a record of exactly the limit fits.</summary>
    internal const int SeparatorBytes = 4096;

    /// <summary>The largest the read buffer may become.</summary>
    internal int BufferCapacity => (int)Math.Min(Array.MaxLength, Math.Max(BufferBytes, (long)MaxRecordBytes + SeparatorBytes));
}
