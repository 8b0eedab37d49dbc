using System.Numerics;
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
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? _names;

    private RecordPrefilter(byte[][] texts, HashSet<string>? names)
    {
        _needles = [.. texts.Select(text => Needle.Of(text, isNameKey: false))];
        if (names is not null)
        {
            _needles = [.. _needles, Needle.Of(NameKey, isNameKey: true)];
            _names = names.GetAlternateLookup<ReadOnlySpan<char>>();
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
        HashSet<string>? names = null;
        if (anchors.EventNames.Count <= MostSearchedNames)
        {
            texts.AddRange(anchors.EventNames);
        }
        else
        {
            // each name as its UTF-8 bytes widened one for one, as a value is widened for the lookup
            names = [.. anchors.EventNames.Select(name => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(name)))];
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
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private int FindVectorized(ReadOnlySpan<byte> block, List<int> places)
    {
        var needles = _needles;
        ref var start = ref MemoryMarshal.GetReference(block);
        var last = block.Length - Vector256<byte>.Count - _reach;
        var offset = 0;
        for (; offset <= last; offset += Vector256<byte>.Count)
        {
            var any = Vector256<byte>.Zero;
            foreach (var needle in needles)
            {
                any |= Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)(offset + needle.First)), needle.FirstBytes)
                    & Vector256.Equals(Vector256.LoadUnsafe(ref start, (nuint)(offset + needle.Second)), needle.SecondBytes);
            }

            var bits = any.ExtractMostSignificantBits();
            while (bits != 0)
            {
                var at = offset + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                foreach (var needle in needles)
                {
                    if (block[at..].StartsWith(needle.Text))
                    {
                        Found(block, at, needle, places);
                    }
                }
            }
        }

        return Math.Max(offset, 0);
    }

    private void Found(ReadOnlySpan<byte> block, int at, Needle needle, List<int> places)
    {
        if (!needle.IsNameKey)
        {
            places.Add(at);
        }
        else if (NamesWanted(block, at, _names!.Value))
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
    private static bool NamesWanted(ReadOnlySpan<byte> block, int at, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> names)
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

        Span<char> widened = stackalloc char[LongestName];
        return end <= LongestName && names.Contains(widened[..Encoding.Latin1.GetChars(value[..end], widened)]);
    }
}
