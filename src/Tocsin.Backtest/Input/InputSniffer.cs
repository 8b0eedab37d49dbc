using System.IO.Compression;

namespace Tocsin.Backtest.Input;

/// <summary>
/// Tells how a file holds its records from its first bytes (decompressed when it starts with the gzip magic bytes,
/// whatever its name): a CloudWatch Logs export line starts with a timestamp, a space and <c>{</c>; a CloudTrail log
/// file with <c>{"Records"</c>; JSON Lines with a one-line object followed by a line that starts with <c>{</c>.
/// </summary>
internal static class InputSniffer
{
    private const int SniffBytes = 64 * 1024;

    /// <summary>The kind and compression of <paramref name="path"/>, or why it is not CloudTrail input.</summary>
    public static (InputKind Kind, bool Gzip, string? Problem) Sniff(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        Span<byte> magic = stackalloc byte[2];
        var gzip = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        file.Position = 0;
        var head = new byte[SniffBytes];
        int length;
        if (gzip)
        {
            using var unzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
            length = ReadSome(unzip, head);
        }
        else
        {
            length = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var (kind, problem) = Decide(head.AsSpan(0, length), path);
        return (kind, gzip, problem);
    }

    /// <summary>What the first bytes of a file say it holds; the name decides only what the bytes leave open.</summary>
    internal static (InputKind Kind, string? Problem) Decide(ReadOnlySpan<byte> head, string name)
    {
        var byName = LinesByName(name) ? InputKind.JsonLines : InputKind.CloudTrailFile;
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        var text = head.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            return (byName, null);
        }

        if (StartsWithTimestampedRecord(text))
        {
            return (InputKind.CloudWatchExport, null);
        }

        if (text[0] == (byte)'{')
        {
            if (text[1..].TrimStart(" \t\r\n"u8).StartsWith("\"Records\""u8))
            {
                return (InputKind.CloudTrailFile, null);
            }

            return (byName == InputKind.JsonLines || NextLineStartsAnObject(text) ? InputKind.JsonLines : InputKind.CloudTrailFile, null);
        }

        if (text[0] == (byte)'[')
        {
            return (InputKind.CloudTrailFile, null);
        }

        if (byName == InputKind.JsonLines || IsJsonName(name))
        {
            // the reader reports what is wrong, line by line or at the first byte
            return (byName, null);
        }

        return (byName, $"not CloudTrail input (a log file, JSON Lines or a CloudWatch Logs export): it starts with {LineRecords.Shown(text)}");
    }

    private static int ReadSome(Stream source, byte[] head)
    {
        var got = 0;
        try
        {
            while (got < head.Length)
            {
                var n = source.Read(head, got, head.Length - got);
                if (n == 0)
                {
                    break;
                }

                got += n;
            }
        }
        catch (InvalidDataException)
        {
            // damaged gzip: the reader reports it with its offset; decide on what came out
        }

        return got;
    }

    private static bool NextLineStartsAnObject(ReadOnlySpan<byte> text)
    {
        var lineEnd = text.IndexOf((byte)'\n');
        if (lineEnd < 0 || !text[..lineEnd].TrimEnd(" \t\r"u8).EndsWith("}"u8))
        {
            return false;
        }

        var next = text[(lineEnd + 1)..].TrimStart(" \t\r\n"u8);
        return !next.IsEmpty && next[0] == (byte)'{';
    }

    /// <summary><c>2026-10-04T09:12:00.000Z {</c>: a date, a time without spaces, one space, then an object.</summary>
    private static bool StartsWithTimestampedRecord(ReadOnlySpan<byte> text)
    {
        if (text.Length < 12 || text[4] != (byte)'-' || text[7] != (byte)'-' || text[10] != (byte)'T'
            || !IsDigits(text[..4]) || !IsDigits(text.Slice(5, 2)) || !IsDigits(text.Slice(8, 2)))
        {
            return false;
        }

        var space = text.IndexOfAny(" \n"u8);
        return space > 10 && text[space] == (byte)' ' && space + 1 < text.Length && text[space + 1] == (byte)'{';
    }

    private static bool IsDigits(ReadOnlySpan<byte> bytes) => bytes.IndexOfAnyExceptInRange((byte)'0', (byte)'9') < 0;

    private static bool LinesByName(string name) =>
        WithoutGz(name).EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
        || WithoutGz(name).EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    private static bool IsJsonName(string name) => WithoutGz(name).EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    private static string WithoutGz(string name) =>
        name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? name[..^3] : name;
}
