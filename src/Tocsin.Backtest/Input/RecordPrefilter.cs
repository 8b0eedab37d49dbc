using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using Tocsin.Core.Patterns.Matching;

namespace Tocsin.Backtest.Input;

/// <summary>
/// Finds, in a block of whole lines, the places where a record the patterns may match can be: the texts of
/// <see cref="PatternMatcherSet.Anchors"/> (one of which such a record holds as written), and every <c>\u</c> escape
/// (behind which any text may hide). A line with no such place matches no pattern and is counted without being
/// handed on. One search runs over the whole block, vectorised, instead of one per record: a few texts are each
/// searched for as they are; many event names are looked up after each <c>"eventName"</c> key of the block.
/// </summary>
public sealed class RecordPrefilter
{
    /// <summary>Up to this many event names are each searched for as a text; more are looked up by key.</summary>
    private const int MostSearchedNames = 6;

    /// <summary>Longer than any event name the patterns look up: such a value is none of them.</summary>
    private const int LongestName = 256;

    private static readonly byte[] NameKey = "\"eventName\""u8.ToArray();

    private readonly Needle[] _needles;
    private readonly int _reach;
    private readonly NameSet? _names;

    private RecordPrefilter(byte[][] texts, NameSet? names)
    {
        _needles = [.. texts.Select(text => Needle.Of(text, isNameKey: false))];
        if (names is not null)
        {
            _needles = [.. _needles, Needle.Of(NameKey, isNameKey: true)];
            _names = names;
        }

        _reach = _needles.Max(needle => Math.Max(needle.First, needle.Second));
    }

    /// <summary>The prefilter of a pattern set's anchors, or null when the set has none (every record must be tried).</summary>
    public static RecordPrefilter? For(AnchorTexts? anchors)
    {
        if (anchors is null)
        {
            return null;
        }

        var texts = new List<string>(anchors.Others) { "\\u" };
        NameSet? names = null;
        if (anchors.EventNames.Count <= MostSearchedNames)
        {
            texts.AddRange(anchors.EventNames);
        }
        else
        {
            names = new NameSet(anchors.EventNames.Select(Encoding.UTF8.GetBytes));
        }

        return new RecordPrefilter([.. texts.Distinct(StringComparer.Ordinal).Select(Encoding.UTF8.GetBytes)], names);
    }

    /// <summary>
    /// Adds to <paramref name="places"/> the offset in <paramref name="block"/> of each place a wanted record may be,
    /// in no order. All the texts are looked for in one pass: at each offset, two of a text's rarer bytes are compared,
    /// a whole vector of offsets at a time, and only where both agree is the whole text compared.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Find(ReadOnlySpan<byte> block, List<int> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        var searched = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            searched = FindVectorized(block, places);
        }

        // the offsets the vectors did not reach: each text on its own
        foreach (var needle in _needles)
        {
            var offset = searched;
            while (true)
            {
                var found = block[offset..].IndexOf(needle.Text);
                if (found < 0)
                {
                    break;
                }

                Found(block, offset + found, needle, places);
                offset += found + 1;
            }
        }
    }

    /// <summary>Searches the offsets a whole vector can be read at for every text; returns the first offset not searched.</summary>
    private int FindVectorized(ReadOnlySpan<byte> block, List<int> places) =>
        _needles.Length <= HeldNeedles ? FindVectorizedHeld(block, places) : FindVectorizedAny(block, places);

    /// <summary>Up to this many texts are compared with their bytes and offsets held in registers for the whole block.</summary>
    private const int HeldNeedles = 6;

    /// <summary>
    /// <see cref="FindVectorized"/> for a few texts, each text's two bytes and offsets held in locals for the whole block
    /// rather than read from its <see cref="Needle"/> at every vector: on a 1 GB history the catalog's five texts took
    /// about half the time. A set of fewer texts repeats its last one, which finds nothing new.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private int FindVectorizedHeld(ReadOnlySpan<byte> block, List<int> places)
    {
        var needles = _needles;
        Needle At(int i) => needles[Math.Min(i, needles.Length - 1)];
        var (n0, n1, n2, n3, n4, n5) = (At(0), At(1), At(2), At(3), At(4), At(5));
        nuint a0 = (nuint)n0.First, b0 = (nuint)n0.Second, a1 = (nuint)n1.First, b1 = (nuint)n1.Second, a2 = (nuint)n2.First, b2 = (nuint)n2.Second;
        nuint a3 = (nuint)n3.First, b3 = (nuint)n3.Second, a4 = (nuint)n4.First, b4 = (nuint)n4.Second, a5 = (nuint)n5.First, b5 = (nuint)n5.Second;
        Vector256<byte> f0 = n0.FirstBytes, s0 = n0.SecondBytes, f1 = n1.FirstBytes, s1 = n1.SecondBytes, f2 = n2.FirstBytes, s2 = n2.SecondBytes;
        Vector256<byte> f3 = n3.FirstBytes, s3 = n3.SecondBytes, f4 = n4.FirstBytes, s4 = n4.SecondBytes, f5 = n5.FirstBytes, s5 = n5.SecondBytes;
        var more = needles.Length > 3; // the second three only when there are more than three texts
        ref var start = ref MemoryMarshal.GetReference(block);
        var last = block.Length - Vector256<byte>.Count - _reach;
        var offset = 0;
        for (; offset <= last; offset += Vector256<byte>.Count)
        {
            ref var here = ref Unsafe.Add(ref start, offset);
            var any = Both(ref here, a0, f0, b0, s0) | Both(ref here, a1, f1, b1, s1) | Both(ref here, a2, f2, b2, s2);
            if (more)
            {
                any |= Both(ref here, a3, f3, b3, s3) | Both(ref here, a4, f4, b4, s4) | Both(ref here, a5, f5, b5, s5);
            }

            if (any != Vector256<byte>.Zero)
            {
                Confirm(block, offset, any.ExtractMostSignificantBits(), places);
            }
        }

        return Math.Max(offset, 0);
    }

    /// <summary>At each of the vector's offsets from <paramref name="here"/>: whether both of a text's compared bytes are there.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Vector256<byte> Both(ref byte here, nuint first, Vector256<byte> firstBytes, nuint second, Vector256<byte> secondBytes) =>
        Vector256.Equals(Vector256.LoadUnsafe(ref here, first), firstBytes) & Vector256.Equals(Vector256.LoadUnsafe(ref here, second), secondBytes);

    /// <summary><see cref="FindVectorized"/> for any number of texts, each read from its <see cref="Needle"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private int FindVectorizedAny(ReadOnlySpan<byte> block, List<int> places)
    {
        var needles = _needles;
        ref var start = ref MemoryMarshal.GetReference(block);
        var last = block.Length - Vector256<byte>.Count - _reach;
        var offset = 0;
        for (; offset <= last; offset += Vector256<byte>.Count)
        {
            ref var here = ref Unsafe.Add(ref start, offset);
            var any = Vector256<byte>.Zero;
            foreach (var needle in needles)
            {
                any |= Both(ref here, (nuint)needle.First, needle.FirstBytes, (nuint)needle.Second, needle.SecondBytes);
            }

            if (any != Vector256<byte>.Zero)
            {
                Confirm(block, offset, any.ExtractMostSignificantBits(), places);
            }
        }

        return Math.Max(offset, 0);
    }

    /// <summary>Compares every text whole at each offset (from <paramref name="offset"/>, by the bits set) where its two bytes agreed.</summary>
    private void Confirm(ReadOnlySpan<byte> block, int offset, uint bits, List<int> places)
    {
        while (bits != 0)
        {
            var at = offset + BitOperations.TrailingZeroCount(bits);
            bits &= bits - 1;
            foreach (var needle in _needles)
            {
                // the text's first compared byte decides most offsets before the whole text is
                if (block[at + needle.First] == needle.Text[needle.First] && block[at..].StartsWith(needle.Text))
                {
                    Found(block, at, needle, places);
                }
            }
        }
    }

    private void Found(ReadOnlySpan<byte> block, int at, Needle needle, List<int> places)
    {
        if (!needle.IsNameKey)
        {
            places.Add(at);
        }
        else if (NamesWanted(block, at, _names!))
        {
            places.Add(at);
        }
    }

    /// <summary>
    /// A text to search for, with the two offsets in it whose bytes are compared first: the rarest bytes in CloudTrail's
    /// JSON (a backslash, then capitals and uncommon punctuation, before digits, small letters and JSON's own marks).
    /// </summary>
    private sealed class Needle
    {
        private Needle(byte[] text, int first, int second, bool isNameKey)
        {
            Text = text;
            First = first;
            Second = second;
            FirstBytes = Vector256.Create(text[first]);
            SecondBytes = Vector256.Create(text[second]);
            IsNameKey = isNameKey;
        }

        public byte[] Text { get; }

        public int First { get; }

        public int Second { get; }

        public Vector256<byte> FirstBytes { get; }

        public Vector256<byte> SecondBytes { get; }

        /// <summary>The <c>"eventName"</c> key: a place only when the name after it is one of the wanted names.</summary>
        public bool IsNameKey { get; }

        public static Needle Of(byte[] text, bool isNameKey)
        {
            var byRarity = Enumerable.Range(0, text.Length).OrderBy(i => Commonness(text[i])).ThenBy(i => i).ToArray();
            return new Needle(text, byRarity[0], byRarity.Length > 1 ? byRarity[1] : byRarity[0], isNameKey);
        }

        private static int Commonness(byte b) => b switch
        {
            (byte)'\\' => 0,
            >= (byte)'A' and <= (byte)'Z' => 1,
            (byte)'"' or (byte)':' or (byte)',' or (byte)'.' or (byte)'-' or (byte)'_' or (byte)'/' or (byte)' ' or (byte)'{' or (byte)'}' => 5,
            >= (byte)'a' and <= (byte)'z' => 4,
            >= (byte)'0' and <= (byte)'9' => 3,
            _ => 2,
        };
    }

    /// <summary>Whether the <c>"eventName"</c> at <paramref name="at"/> is a key whose value may be a wanted name.</summary>
    private static bool NamesWanted(ReadOnlySpan<byte> block, int at, NameSet names)
    {
        var rest = block[(at + NameKey.Length)..];
        var colon = 0;
        while (colon < rest.Length && rest[colon] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            colon++;
        }

        if (colon == rest.Length || rest[colon] != (byte)':')
        {
            return false; // not a key: the text "eventName" as a value
        }

        var quote = colon + 1;
        while (quote < rest.Length && rest[quote] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            quote++;
        }

        if (quote == rest.Length || rest[quote] != (byte)'"')
        {
            return false; // not a string: no event name
        }

        var value = rest[(quote + 1)..];
        var end = value.IndexOfAny((byte)'"', (byte)'\\');
        if (end < 0 || value[end] == (byte)'\\')
        {
            return true; // an escaped or unfinished value: only the matcher can say
        }

        return end <= LongestName && names.Contains(value[..end]);
    }

    /// <summary>
    /// Event names looked up by their UTF-8 bytes as written in a record (one in every record is looked up): a hash of
    /// the bytes, then the bytes compared, with no text made of them.
    /// </summary>
    private sealed class NameSet(IEnumerable<byte[]> names)
    {
        private readonly Dictionary<ulong, byte[][]> _byHash = names.GroupBy(name => Hash(name)).ToDictionary(group => group.Key, group => group.ToArray());

        public bool Contains(ReadOnlySpan<byte> value)
        {
            if (!_byHash.TryGetValue(Hash(value), out var names))
            {
                return false;
            }

            foreach (var name in names)
            {
                if (value.SequenceEqual(name))
                {
                    return true;
                }
            }

            return false;
        }

        private static ulong Hash(ReadOnlySpan<byte> bytes)
        {
            var hash = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
            for (; bytes.Length >= sizeof(ulong); bytes = bytes[sizeof(ulong)..])
            {
                hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xBF58476D1CE4E5B9UL, 31);
            }

            Span<byte> tail = stackalloc byte[sizeof(ulong)];
            tail.Clear();
            bytes.CopyTo(tail);
            return (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(tail)) * 0x94D049BB133111EBUL;
        }
    }
}
