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

    private readonly byte[][] _texts;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? _names;

    private RecordPrefilter(byte[][] texts, HashSet<string>? names)
    {
        _texts = texts;
        _names = names?.GetAlternateLookup<ReadOnlySpan<char>>();
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

    /// <summary>Adds to <paramref name="places"/> the offset in <paramref name="block"/> of each place a wanted record may be, in no order.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Find(ReadOnlySpan<byte> block, List<int> places)
    {
        ArgumentNullException.ThrowIfNull(places);
        foreach (var text in _texts)
        {
            var offset = 0;
            while (true)
            {
                var found = block[offset..].IndexOf(text);
                if (found < 0)
                {
                    break;
                }

                places.Add(offset + found);
                offset += found + 1;
            }
        }

        if (_names is { } names)
        {
            FindNames(block, names, places);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void FindNames(ReadOnlySpan<byte> block, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> names, List<int> places)
    {
        Span<char> widened = stackalloc char[LongestName];
        var offset = 0;
        while (true)
        {
            var found = block[offset..].IndexOf(NameKey);
            if (found < 0)
            {
                return;
            }

            var at = offset + found;
            offset = at + NameKey.Length;
            var rest = block[offset..];
            var colon = 0;
            while (colon < rest.Length && rest[colon] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                colon++;
            }

            if (colon == rest.Length || rest[colon] != (byte)':')
            {
                continue; // not a key: the text "eventName" as a value
            }

            var quote = colon + 1;
            while (quote < rest.Length && rest[quote] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                quote++;
            }

            if (quote == rest.Length || rest[quote] != (byte)'"')
            {
                continue; // not a string: no event name
            }

            var value = rest[(quote + 1)..];
            var end = value.IndexOfAny((byte)'"', (byte)'\\');
            if (end < 0 || value[end] == (byte)'\\')
            {
                places.Add(at); // an escaped or unfinished value: only the matcher can say
            }
            else if (end <= LongestName && names.Contains(widened[..Encoding.Latin1.GetChars(value[..end], widened)]))
            {
                places.Add(at);
            }
        }
    }
}
