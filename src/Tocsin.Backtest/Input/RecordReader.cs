namespace Tocsin.Backtest.Input;

/// <summary>
/// Reads one part of the input and hands on each record's bytes, streaming through one pooled buffer: memory stays
/// bounded by <see cref="ReadLimits"/> whatever the size of the file, and no record is copied or turned into a string.
/// </summary>
public static class RecordReader
{
    /// <summary>
    /// Reads <paramref name="part"/>, calling <paramref name="handler"/> once per record in file order. Bad input never
    /// throws: a bad record is listed and skipped, and what stops the part early (a file that cannot be opened,
    /// damaged gzip, invalid JSON, the decompression limit) is the result's <see cref="PartResult.Failure"/>, with
    /// the records before it handed on. Only cancellation, and whatever the handler throws, leave as exceptions.
    /// </summary>
    /// <param name="prefilter">With one, a line of JSON Lines or of a CloudWatch Logs export that holds none of the
    /// places it looks for is counted as a record but not handed on: the handler must do nothing with such a record.</param>
    public static PartResult Read(InputPart part, RecordHandler handler, ReadLimits limits, CancellationToken cancel, RecordPrefilter? prefilter = null)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(limits);
        var tally = new PartTally(part, limits);
        RecordWindow window;
        try
        {
            window = RecordWindow.Open(part, limits);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Result(part, tally, 0, $"could not open the file: {e.Message}", 0, 0);
        }

        using (window)
        {
            (string Reason, long Offset)? stopped = null;
            if (part.Kind == InputKind.CloudTrailFile)
            {
                stopped = CloudTrailRecords.Read(window, handler, tally, limits.MaxRecordBytes, cancel);
            }
            else
            {
                LineRecords.Read(window, part.Kind, handler, tally, limits.MaxRecordBytes, cancel, prefilter);
            }

            var failure = window.Failure is { } reason ? (reason, window.FailureOffset) : stopped;
            return Result(part, tally, window.FileBytes, failure?.Item1, failure?.Item2, window.PeakBytes);
        }
    }

    private static PartResult Result(InputPart part, PartTally tally, long bytes, string? failure, long? failureOffset, int peakBufferBytes) =>
        new(part, bytes, tally.Records, tally.BadRecords, failure)
        {
            FailureOffset = failureOffset,
            BadRecordsNotListed = tally.BadRecordsNotListed,
            PeakBufferBytes = peakBufferBytes,
        };
}
