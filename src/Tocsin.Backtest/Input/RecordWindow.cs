using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace Tocsin.Backtest.Input;

/// <summary>What refilling the window did.</summary>
internal enum Refill
{
    /// <summary>More bytes are in the window.</summary>
    Read,

    /// <summary>The window is at its largest and holds nothing it may drop: the pending record is too long.</summary>
    Full,

    /// <summary>Nothing more will come: the end of the part, or a <see cref="RecordWindow.Failure"/>.</summary>
    End,
}

/// <summary>
/// A window onto one part's bytes (decompressed for gzip) in one pooled buffer: the reader looks at
/// <see cref="Data"/>, consumes what it has handed on and refills; the unconsumed tail moves to the front so a record
/// split across reads becomes whole. The buffer grows only while one record does not fit, up to
/// <see cref="ReadLimits.BufferCapacity"/>.
/// </summary>
internal sealed class RecordWindow : IDisposable
{
    private readonly FileStream file;
    private readonly GZipStream? gzip;
    private readonly int capacity;
    private readonly long maxDecompressed;
    private byte[] buffer;
    private bool rented = true;

    // the part of the buffer in use: a rented array may be larger than the window may grow
    private int size;
    private int start;
    private int end;
    private long bufferOffset;
    private long remaining;
    private readonly long startOffset;

    private RecordWindow(FileStream file, GZipStream? gzip, long start, long length, ReadLimits limits)
    {
        this.file = file;
        this.gzip = gzip;
        capacity = limits.BufferCapacity;
        maxDecompressed = gzip is null ? long.MaxValue : limits.MaxDecompressedBytes;
        buffer = ArrayPool<byte>.Shared.Rent(Math.Min(limits.BufferBytes, capacity));
        size = Math.Min(buffer.Length, capacity);
        PeakBytes = size;
        bufferOffset = gzip is null ? start : 0;
        startOffset = bufferOffset;
        remaining = length;
    }

    /// <summary>The bytes read and not yet consumed.</summary>
    public ReadOnlySpan<byte> Data => buffer.AsSpan(start, end - start);

    /// <summary>The stream offset (of the file, or of the decompressed stream for gzip) of <see cref="Data"/>'s first byte.</summary>
    public long Offset => bufferOffset + start;

    /// <summary>True once the part's last byte is in the window (and no failure stopped it early).</summary>
    public bool AtEnd { get; private set; }

    /// <summary>Why reading stopped before the end of the part, if it did.</summary>
    public string? Failure { get; private set; }

    /// <summary>Where the failure stopped reading (the stream offset reached).</summary>
    public long FailureOffset { get; private set; }

    /// <summary>The bytes of the file read: compressed bytes for gzip.</summary>
    public long FileBytes => gzip is null ? bufferOffset + end - startOffset : file.Position;

    /// <summary>The largest the buffer became.</summary>
    public int PeakBytes { get; private set; }

    private long Decompressed => bufferOffset + end;

    /// <summary>Opens a part for reading; throws only what opening the file throws.</summary>
    public static RecordWindow Open(InputPart part, ReadLimits limits)
    {
        var file = new FileStream(part.Path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            Options = FileOptions.SequentialScan,
            // plain reads go straight into the window's buffer; gzip reads many small blocks
            BufferSize = part.Gzip ? 1 << 16 : 0,
        });
        try
        {
            if (part.Gzip)
            {
                return new RecordWindow(file, new GZipStream(file, CompressionMode.Decompress), 0, long.MaxValue, limits);
            }

            file.Seek(part.Start, SeekOrigin.Begin);
            return new RecordWindow(file, null, part.Start, part.End - part.Start, limits);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Marks the first <paramref name="count"/> bytes of <see cref="Data"/> as handed on.</summary>
    public void Consume(int count) => start += count;

    /// <summary>Drops everything in the window (the rest of a record too long to keep).</summary>
    public void ConsumeAll() => start = end;

    /// <summary>Writes <paramref name="bytes"/> over the start of <see cref="Data"/>: a placeholder for a skipped value.</summary>
    public void Overwrite(ReadOnlySpan<byte> bytes) => bytes.CopyTo(buffer.AsSpan(start, end - start));

    /// <summary>Reads more into the window, keeping what is not consumed.</summary>
    public Refill Fill()
    {
        if (AtEnd || Failure is not null)
        {
            return Refill.End;
        }

        Compact();
        if (end == size && !Grow())
        {
            return Refill.Full;
        }

        var want = size - end;
        if (remaining < want)
        {
            want = (int)remaining;
        }

        var allowance = maxDecompressed - Decompressed;
        if (allowance < want)
        {
            want = (int)allowance;
        }

        if (want == 0)
        {
            return remaining == 0 ? Finish() : CheckPastLimit();
        }

        var got = 0;
        try
        {
            while (got < want)
            {
                var n = Source.Read(buffer, end + got, want - got);
                if (n == 0)
                {
                    break;
                }

                got += n;
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            Commit(got);
            return Stop(gzip is null
                ? $"could not read the file at byte {Decompressed}: {e.Message}"
                : $"the gzip data is damaged after {Decompressed} decompressed bytes: {e.Message}");
        }

        Commit(got);
        return got == 0 ? Finish() : Refill.Read;
    }

    public void Dispose()
    {
        gzip?.Dispose();
        file.Dispose();
        ReturnBuffer();
    }

    private void ReturnBuffer()
    {
        if (rented)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            rented = false;
        }
    }

    private Stream Source => gzip ?? (Stream)file;

    private void Commit(int count)
    {
        end += count;
        remaining -= count;
    }

    private void Compact()
    {
        if (start == 0)
        {
            return;
        }

        buffer.AsSpan(start, end - start).CopyTo(buffer);
        bufferOffset += start;
        end -= start;
        start = 0;
    }

    private bool Grow()
    {
        if (size >= capacity)
        {
            return false;
        }

        // rare: only a record longer than the starting buffer gets here; sizes stay exact so the bound holds
        var larger = GC.AllocateUninitializedArray<byte>((int)Math.Min((long)size * 2, capacity));
        buffer.AsSpan(0, end).CopyTo(larger);
        ReturnBuffer();
        buffer = larger;
        size = larger.Length;
        PeakBytes = Math.Max(PeakBytes, size);
        return true;
    }

    private Refill CheckPastLimit()
    {
        Span<byte> probe = stackalloc byte[1];
        try
        {
            if (Source.Read(probe) == 0)
            {
                return Finish();
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return Stop($"the gzip data is damaged after {Decompressed} decompressed bytes: {e.Message}");
        }

        return Stop($"decompressed past {maxDecompressed} bytes, stopped (the limit for one file: a decompression bomb, or raise the limit)");
    }

    private Refill Finish()
    {
        // .NET ends a cut-short gzip stream quietly; the trailer's size (mod 2^32) of the last member tells
        if (gzip is not null && !TrailerMatches())
        {
            return Stop($"the gzip data ends early, after {Decompressed} decompressed bytes at compressed byte {file.Length}: the file is truncated (or is several gzip members joined)");
        }

        AtEnd = true;
        return Refill.End;
    }

    private bool TrailerMatches()
    {
        Span<byte> trailer = stackalloc byte[4];
        var length = RandomAccess.GetLength(file.SafeFileHandle);
        return length >= 18
            && RandomAccess.Read(file.SafeFileHandle, trailer, length - 4) == 4
            && BinaryPrimitives.ReadUInt32LittleEndian(trailer) == (uint)Decompressed;
    }

    private Refill Stop(string reason)
    {
        Failure = reason;
        FailureOffset = Decompressed;
        return Refill.End;
    }
}
