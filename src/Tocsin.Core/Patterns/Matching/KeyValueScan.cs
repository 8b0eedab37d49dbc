using System.Collections.Concurrent;
using System.Text;

namespace Tocsin.Core.Patterns.Matching;

/// <summary>
/// The string values found after each occurrence of a quoted key in one message, remembered so that the patterns
/// of a <see cref="PatternMatcherSet"/> share one scan per key (twelve CIS patterns test <c>eventName</c>).
/// One instance per thread; <see cref="Reset"/> before each message.
/// </summary>
internal sealed class KeyValueScan
{
    private static readonly ConcurrentDictionary<string, byte[]> Keys = new(StringComparer.Ordinal);
    private readonly List<(byte[] Key, int First, int Count)> _scanned = [];
    private readonly List<(int Start, int Length)> _values = [];

    /// <summary>One byte array per key text across all compiled patterns, so keys compare by reference.</summary>
    public static byte[] KeyBytes(string key) => Keys.GetOrAdd(key, Encoding.UTF8.GetBytes);

    public void Reset()
    {
        _scanned.Clear();
        _values.Clear();
    }

    /// <summary>Where each string value after <c>"key":</c> lies in the message; length -1 for a value with escapes.</summary>
    public ReadOnlySpan<(int Start, int Length)> ValuesOf(byte[] key, ReadOnlySpan<byte> message)
    {
        foreach (var (scannedKey, first, count) in _scanned)
        {
            if (ReferenceEquals(scannedKey, key))
                return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_values).Slice(first, count);
        }

        var start = _values.Count;
        var offset = 0;
        while (NextValue(message, key, ref offset, out var valueStart, out var length))
            _values.Add((valueStart, length));
        _scanned.Add((key, start, _values.Count - start));
        return System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_values).Slice(start, _values.Count - start);
    }

    /// <summary>
    /// Finds the next <c>"key" : "value"</c> from <paramref name="offset"/> on. <paramref name="length"/> is -1 when
    /// the value has a backslash (or no end), which only the JSON reader can decide.
    /// </summary>
    // The loop every record of a backtest goes through: compiled optimised at once, not first as quick code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static bool NextValue(ReadOnlySpan<byte> message, byte[] key, ref int offset, out int start, out int length)
    {
        while (true)
        {
            start = 0;
            length = 0;
            var found = message[offset..].IndexOf(key);
            if (found < 0)
                return false;
            var at = offset + found;
            offset = at + 1;
            if (!JsonLiteralPrefilter.IsQuotedAt(message, at, key.Length))
                continue;
            var next = SkipWhitespace(message, at + key.Length + 1);
            if (next >= message.Length || message[next] != ':')
                continue;
            next = SkipWhitespace(message, next + 1);
            if (next >= message.Length || message[next] != '"')
                continue;
            start = next + 1;
            var end = message[start..].IndexOfAny((byte)'"', (byte)'\\');
            length = end < 0 || message[start + end] == '\\' ? -1 : end;
            return true;
        }
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> message, int index)
    {
        while (index < message.Length && message[index] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            index++;
        return index;
    }
}
