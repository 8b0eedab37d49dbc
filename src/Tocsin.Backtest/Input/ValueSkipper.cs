namespace Tocsin.Backtest.Input;

/// <summary>
/// Skips one JSON value too long for the window by scanning its bytes (brackets outside strings, strings with their
/// escapes), so no token need fit the window, then leaves a one-byte placeholder value <c>0</c> (after its comma,
/// for an element of an array) where the value ended: the JSON reader resumes from its state before the value and
/// reads the placeholder instead.
/// </summary>
internal static class ValueSkipper
{
    /// <summary>Where the skipped value started, or why it could not be skipped.</summary>
    public static (long Offset, string? Problem) Skip(RecordWindow window, bool elementOfArray)
    {
        var data = window.Data;
        var i = Whitespace(data, 0);
        var comma = elementOfArray && i < data.Length && data[i] == (byte)',';
        if (comma)
        {
            i = Whitespace(data, i + 1);
        }

        var offset = window.Offset + i;
        if (i >= data.Length || data[i] is not ((byte)'{' or (byte)'[' or (byte)'"'))
        {
            return (offset, $"a JSON value longer than {data.Length} bytes at byte {offset}: stopped");
        }

        var scan = new Scan(data[i] == (byte)'"');
        i++;
        ReadOnlySpan<byte> placeholder = comma ? ",0"u8 : "0"u8;
        while (true)
        {
            var end = scan.Find(data, i);
            if (end >= 0)
            {
                window.Consume(end + 1 - placeholder.Length);
                window.Overwrite(placeholder);
                return (offset, null);
            }

            // keep the last bytes, room for the placeholder however early the next window ends the value
            window.Consume(data.Length - placeholder.Length);
            if (window.Fill() != Refill.Read)
            {
                return window.Failure is null ? (offset, $"the file ends inside the value that starts at byte {offset}") : (offset, null);
            }

            data = window.Data;
            i = placeholder.Length;
        }
    }

    private static int Whitespace(ReadOnlySpan<byte> data, int i)
    {
        while (i < data.Length && data[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    /// <summary>Where a scan is inside the value: how deep in brackets, and whether in a string or just after a backslash.</summary>
    private struct Scan(bool inString)
    {
        private int depth = inString ? 0 : 1;
        private bool inString = inString;
        private bool escaped;

        /// <summary>The index of the value's last byte in <paramref name="data"/> from <paramref name="from"/>, or -1.</summary>
        public int Find(ReadOnlySpan<byte> data, int from)
        {
            for (var i = from; i < data.Length; i++)
            {
                var b = data[i];
                if (inString)
                {
                    if (escaped)
                    {
                        escaped = false;
                    }
                    else if (b == (byte)'\\')
                    {
                        escaped = true;
                    }
                    else if (b == (byte)'"')
                    {
                        inString = false;
                        if (depth == 0)
                        {
                            return i;
                        }
                    }
                }
                else if (b == (byte)'"')
                {
                    inString = true;
                }
                else if (b is (byte)'{' or (byte)'[')
                {
                    depth++;
                }
                else if (b is (byte)'}' or (byte)']' && --depth == 0)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
