namespace Tocsin.Backtest.Input;

/// <summary>
/// Reads records one per line: JSON Lines (the line is the record) and CloudWatch Logs exports (the record is the
/// message after the line's timestamp and a space). Lines are found with a vectorized search for <c>\n</c>; a record
/// is only checked to look like an object (<c>{</c> … <c>}</c>), never parsed: the matcher works on raw bytes.
/// With a <see cref="RecordPrefilter"/>, the places a wanted record may be are found in each block of whole lines at
/// once, and a line without one is counted as a record without being handed on: the same records are counted, and
/// the same bad records listed, as when every line is handed on.
/// </summary>
internal static class LineRecords
{
    // The loop every record of a backtest goes through: compiled optimised at once, not first as quick code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Read(RecordWindow window, InputKind kind, RecordHandler handler, PartTally tally, int maxRecordBytes, CancellationToken cancel, RecordPrefilter? prefilter = null)
    {
        var timestamped = kind == InputKind.CloudWatchExport;
        var skippingLongLine = false;
        var found = prefilter is null ? null : new List<int>();
        SkipByteOrderMark(window);
        while (true)
        {
            var data = window.Data;
            var offset = window.Offset;
            int position;
            if (found is not null && !timestamped && !skippingLongLine && data.Length < maxRecordBytes
                && data.LastIndexOf((byte)'\n') is var lastEnd and >= 0
                && PlainLines.Count(data[..(lastEnd + 1)]) is var lineCount and > 0)
            {
                // the common block: every line one object, none too long; only the lines holding a place are looked at
                var block = data[..(lastEnd + 1)];
                found.Clear();
                prefilter!.Find(block, found);
                found.Sort();
                var after = 0; // the end of the last line handed on
                foreach (var at in found)
                {
                    if (at < after)
                    {
                        continue;
                    }

                    var lineStart = block[..at].LastIndexOf((byte)'\n') + 1;
                    var lineEnd = at + block[at..].IndexOf((byte)'\n');
                    handler(block[lineStart..lineEnd]);
                    after = lineEnd + 1;
                }

                tally.Handed(lineCount);
                position = block.Length;
            }
            else
            {
                position = ReadLines(data, offset, found, prefilter, timestamped, ref skippingLongLine, handler, tally, maxRecordBytes);
            }

            window.Consume(position);
            cancel.ThrowIfCancellationRequested();
            switch (window.Fill())
            {
                case Refill.Read:
                    continue;
                case Refill.Full:
                    // no line end in a window of the largest size: drop the line up to its end
                    if (!skippingLongLine)
                    {
                        tally.TooLong(window.Offset);
                        skippingLongLine = true;
                    }

                    window.ConsumeAll();
                    continue;
            }

            // a last line without a line end, unless reading stopped early and it may be cut
            var last = window.Data;
            if (window.AtEnd && !skippingLongLine && !last.IsEmpty)
            {
                if (last.Length > maxRecordBytes)
                {
                    tally.TooLong(window.Offset);
                }
                else
                {
                    Line(last, window.Offset, timestamped, handler, tally);
                }
            }

            return;
        }
    }

    /// <summary>
    /// Reads the block's lines one by one, checking each (blank, cut short, not an object, too long); with a
    /// prefilter, a line holding none of its places is counted without being handed on. Returns the bytes consumed.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static int ReadLines(ReadOnlySpan<byte> data, long offset, List<int>? found, RecordPrefilter? prefilter, bool timestamped, ref bool skippingLongLine, RecordHandler handler, PartTally tally, int maxRecordBytes)
    {
        var position = 0;
        ReadOnlySpan<int> places = default;
        var place = 0;
        if (found is not null)
        {
            found.Clear();
            prefilter!.Find(data[..(data.LastIndexOf((byte)'\n') + 1)], found);
            found.Sort();
            places = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(found);
        }

        while (true)
        {
            var length = data[position..].IndexOf((byte)'\n');
            if (length < 0)
            {
                return position;
            }

            if (skippingLongLine)
            {
                skippingLongLine = false;
            }
            else if (length >= maxRecordBytes)
            {
                tally.TooLong(offset + position);
            }
            else if (found is null)
            {
                Line(data.Slice(position, length), offset + position, timestamped, handler, tally);
            }
            else
            {
                // the places are sorted and none holds a line end: those before this line's end are in it
                var wanted = false;
                for (var end = position + length; place < places.Length && places[place] < end; place++)
                {
                    wanted |= places[place] >= position;
                }

                Line(data.Slice(position, length), offset + position, timestamped, wanted ? handler : null, tally);
            }

            position += length + 1;
        }
    }

    /// <summary>Checks one line and hands its record on; a null handler only counts it (the prefilter ruled it out).</summary>
    private static void Line(ReadOnlySpan<byte> line, long offset, bool timestamped, RecordHandler? handler, PartTally tally)
    {
        if (timestamped)
        {
            if (IsBlank(line))
            {
                return;
            }

            var space = line.IndexOf((byte)' ');
            if (space <= 0 || !char.IsAsciiDigit((char)line[0]))
            {
                tally.Bad(offset, "not a CloudWatch Logs export line: expected a timestamp, a space, then the record");
                return;
            }

            offset += space + 1;
            line = line[(space + 1)..];
        }

        // the common case needs no trimming: the line is exactly the object
        if (line.Length >= 2 && line[0] == (byte)'{' && line[^1] == (byte)'}')
        {
            handler?.Invoke(line);
            tally.Handed();
            return;
        }

        var trimmed = line.TrimStart(Whitespace);
        offset += line.Length - trimmed.Length;
        trimmed = trimmed.TrimEnd(Whitespace);
        if (trimmed.IsEmpty)
        {
            if (timestamped)
            {
                tally.Bad(offset, "a CloudWatch Logs export line with no message after its timestamp");
            }

            return;
        }

        if (trimmed[0] != (byte)'{')
        {
            tally.Bad(offset, $"not a JSON object: the record starts with {Shown(trimmed)}");
        }
        else if (trimmed.Length < 2 || trimmed[^1] != (byte)'}')
        {
            tally.Bad(offset, "a JSON object cut short: the record does not end in '}'");
        }
        else
        {
            handler?.Invoke(trimmed);
            tally.Handed();
        }
    }

    private static ReadOnlySpan<byte> Whitespace => " \t\r"u8;

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.TrimEnd(Whitespace).IsEmpty;

    private static void SkipByteOrderMark(RecordWindow window)
    {
        // a byte order mark can only be at the start of a file
        if (window.Offset == 0 && window.Fill() is Refill.Read or Refill.End && window.Data.StartsWith("\uFEFF"u8))
        {
            window.Consume(3);
        }
    }

    /// <summary>The first bytes of a record for a message: enough to recognise it, never a whole record.</summary>
    internal static string Shown(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 24)];
        var text = System.Text.Encoding.UTF8.GetString(head).ReplaceLineEndings(" ");
        return "'" + text + (head.Length < bytes.Length ? "…'" : "'");
    }
}
