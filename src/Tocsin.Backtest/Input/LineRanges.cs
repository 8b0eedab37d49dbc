using Microsoft.Win32.SafeHandles;

namespace Tocsin.Backtest.Input;

/// <summary>
/// Cuts a plain line-per-record file into byte ranges that each start after a line end and end just after one, so
/// the ranges can be read at once and every line is in exactly one of them. The cuts are found by seeking to even
/// shares of the file and reading forward to the next line end.
/// </summary>
internal static class LineRanges
{
    public static IReadOnlyList<(long Start, long End)> Split(SafeFileHandle file, long length, int count)
    {
        var ranges = new List<(long Start, long End)>(count);
        var start = 0L;
        for (var i = 1; i < count && start < length; i++)
        {
            var share = length / count * i + Math.Min(i, length % count);
            if (share <= start)
            {
                continue;
            }

            var cut = AfterNextLineEnd(file, share - 1, length);
            if (cut >= length)
            {
                break;
            }

            ranges.Add((start, cut));
            start = cut;
        }

        ranges.Add((start, length));
        return ranges;
    }

    /// <summary>The offset just after the first line end at or after <paramref name="from"/>, or the file's length.</summary>
    private static long AfterNextLineEnd(SafeFileHandle file, long from, long length)
    {
        Span<byte> chunk = stackalloc byte[8192];
        for (var at = from; at < length;)
        {
            var read = RandomAccess.Read(file, chunk, at);
            if (read == 0)
            {
                break;
            }

            var end = chunk[..read].IndexOf((byte)'\n');
            if (end >= 0)
            {
                return at + end + 1;
            }

            at += read;
        }

        return length;
    }
}
