namespace Tocsin.Backtest.Input;

/// <summary>Limits that keep reading bounded whatever the input.</summary>
public sealed record ReadLimits(int MaxRecordBytes = 16 << 20, long MaxDecompressedBytes = 4L << 30)
{
    public static ReadLimits Default { get; } = new();
}

/// <summary>Placeholder reader of plain JSON Lines, replaced by the streaming reader.</summary>
public static class RecordReader
{
    public static PartResult Read(InputPart part, RecordHandler handler, ReadLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(limits);
        var bytes = File.ReadAllBytes(part.Path);
        var span = bytes.AsSpan();
        long records = 0;
        while (span.Length > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = span.IndexOf((byte)'\n');
            var line = end < 0 ? span : span[..end];
            if (line.Length > 0)
            {
                handler(line);
                records++;
            }

            span = end < 0 ? default : span[(end + 1)..];
        }

        return new PartResult(part, bytes.Length, records, [], null);
    }
}
