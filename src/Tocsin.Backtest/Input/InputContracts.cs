namespace Tocsin.Backtest.Input;

/// <summary>
/// Receives each CloudTrail record the input holds, as the UTF-8 bytes of one JSON object (for a CloudWatch Logs
/// export, the message after the timestamp). The span is valid only during the call.
/// </summary>
public delegate void RecordHandler(ReadOnlySpan<byte> record);

/// <summary>How a file holds its records.</summary>
public enum InputKind
{
    /// <summary>A CloudTrail log file (<c>{"Records": [...]}</c>) or a single record object, plain or gzip.</summary>
    CloudTrailFile,

    /// <summary>One record per line (JSON Lines), plain or gzip.</summary>
    JsonLines,

    /// <summary>A CloudWatch Logs export: lines of <c>TIMESTAMP MESSAGE</c>, each message a record, plain or gzip.</summary>
    CloudWatchExport,
}

/// <summary>
/// One unit of reading work: a whole file, or a byte range of a plain line-per-record file — JSON Lines or a
/// CloudWatch Logs export — (so one large file splits across cores; a range starts after a line end and ends at one).
/// </summary>
/// <param name="End">Exclusive end offset; the file's length for a whole file.</param>
public sealed record InputPart(string Path, InputKind Kind, bool Gzip, long Start, long End);

/// <summary>A record that could not be read: the file, the byte offset (of the decompressed stream for gzip) and why.</summary>
public sealed record BadRecord(string File, long Offset, string Reason);

/// <summary>What reading one part found: bytes read (compressed bytes for gzip), records handed on, bad records, and a failure that stopped the part early.</summary>
public sealed record PartResult(InputPart Part, long Bytes, long Records, IReadOnlyList<BadRecord> BadRecords, string? Failure)
{
    /// <summary>Where the failure stopped the part: a byte offset of the file, or of the decompressed stream for gzip.</summary>
    public long? FailureOffset { get; init; }

    /// <summary>Bad records past the first <see cref="ReadLimits.MaxBadRecordsListed"/>: counted, not listed.</summary>
    public long BadRecordsNotListed { get; init; }

    /// <summary>The largest the read buffer became, in bytes: memory stays bounded whatever the size of the file.</summary>
    internal int PeakBufferBytes { get; init; }
}

/// <summary>A path that could not be listed or opened at all.</summary>
public sealed record InputProblem(string Path, string Reason);

/// <summary>The work a backtest reads: every part in a stable order, the paths that could not be read, and the total bytes on disk.</summary>
public sealed record InputPlan(IReadOnlyList<InputPart> Parts, IReadOnlyList<InputProblem> Problems, long TotalBytes);
