using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Tocsin.Backtest.Input;

/// <summary>
/// Recognises the common block of JSON Lines: every line is one object written from its first byte to its last
/// (<c>{</c> … <c>}</c>, then <c>\n</c>), with no blank line, no carriage return and no space around it. Such a block
/// has no bad record to report, so its records can be counted by counting line ends, a vector at a time.
/// </summary>
internal static class PlainLines
{
    /// <summary>
    /// The number of lines of <paramref name="block"/> (whole lines: it ends in <c>\n</c>) when every one of them is a
    /// plain object line; 0 when any is not (the block must then be read line by line).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static int Count(ReadOnlySpan<byte> block)
    {
        if (block.Length < 3 || block[0] != (byte)'{' || block[^1] != (byte)'\n' || block[^2] != (byte)'}')
        {
            return 0;
        }

        // every line end but the last must follow a '}' and come before a '{'
        var lines = 1;
        var position = 1;
        var inner = block.Length - 1; // the line ends before the last byte
        if (Vector256.IsHardwareAccelerated)
        {
            ref var start = ref MemoryMarshal.GetReference(block);
            var newline = Vector256.Create((byte)'\n');
            var close = Vector256.Create((byte)'}');
            var open = Vector256.Create((byte)'{');
            for (; position + Vector256<byte>.Count < inner; position += Vector256<byte>.Count)
            {
                var ends = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)position), newline);
                if (ends == Vector256<byte>.Zero)
                {
                    continue;
                }

                var framed = Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)(position - 1)), close)
                    & Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)(position + 1)), open);
                if (Vector256.AndNot(ends, framed) != Vector256<byte>.Zero)
                {
                    return 0;
                }

                lines += BitOperations.PopCount(ends.ExtractMostSignificantBits());
            }
        }

        for (; position < inner; position++)
        {
            if (block[position] == (byte)'\n')
            {
                if (block[position - 1] != (byte)'}' || block[position + 1] != (byte)'{')
                {
                    return 0;
                }

                lines++;
            }
        }

        return lines;
    }
}
