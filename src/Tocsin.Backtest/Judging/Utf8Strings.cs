using System.Text;

namespace Tocsin.Backtest.Judging;

/// <summary>
/// The strings of values a history repeats (principals, addresses, accounts, regions), made once from their UTF-8
/// bytes and handed out again each time the same bytes come: a matched record costs a lookup per value, not a new
/// string. Holds at most <see cref="MaxEntries"/> values; past that, new values are made each time. One per reading
/// thread: not thread-safe.
/// </summary>
internal sealed class Utf8Strings
{
    public const int MaxEntries = 16_384;

    private readonly Dictionary<byte[], string> _strings = new(ByteComparer.Instance);
    private readonly Dictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    public Utf8Strings() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>The string these UTF-8 bytes spell (invalid sequences as U+FFFD, as <see cref="Encoding.UTF8"/> reads them).</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (_lookup.TryGetValue(utf8, out var known))
        {
            return known;
        }

        var made = Encoding.UTF8.GetString(utf8);
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(utf8.ToArray(), made);
        }

        return made;
    }

    private sealed class ByteComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly ByteComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = default(HashCode);
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
