using System.Buffers;
using System.Text;

namespace Tocsin.Core.Patterns.Matching;

/// <summary>
/// Several compiled patterns applied to each event together, as a backtest does with a whole control set. The
/// outcome for each pattern is exactly what its own <see cref="PatternMatcher.Matches(ReadOnlySpan{byte})"/>
/// says; the set only shares work between them (one scan per JSON key the patterns' prefilters look for).
/// Thread-safe: the shared work lives in per-thread state.
/// <para>Before any pattern is tried, the set looks for the texts one of which each pattern needs: a message holding
/// none of them, and no <c>\u</c> escape, matches no pattern, and nearly every record of a CloudTrail history is such
/// a message. Event names, which most patterns require, are looked up from the message's <c>eventName</c> values (one
/// vectorised search for the key); any other texts are found by one vectorised multi-text search
/// (<see cref="SearchValues{T}"/> of strings, over the message widened byte for byte). This is used only when every
/// pattern of the set has such texts.</para>
/// </summary>
public sealed class PatternMatcherSet
{
    [ThreadStatic]
    private static KeyValueScan? _scan;

    private const string LookedUpKey = "eventName";

    /// <summary>A key's value longer than this is none of the short names the patterns look for.</summary>
    private const int LongestLookedUpValue = 256;

    [ThreadStatic]
    private static char[]? _widened;

    private readonly PatternMatcher[] _matchers;
    private readonly bool _anchored;

    // eventName value (its UTF-8 bytes widened to chars) -> the patterns that may match a record with that event name.
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byEventName;
    private readonly byte[] _eventNameKey = KeyValueScan.KeyBytes(LookedUpKey);

    // The patterns anchored on other texts, tried when any of those texts occurs.
    private readonly int[] _byText = [];
    private readonly SearchValues<string>? _texts;

    private readonly string[] _eventNames = [];
    private readonly string[] _otherTexts = [];

    public PatternMatcherSet(IEnumerable<PatternMatcher> matchers)
    {
        ArgumentNullException.ThrowIfNull(matchers);
        _matchers = matchers.ToArray();
        var byEventName = new Dictionary<string, int[]>(StringComparer.Ordinal);
        _byEventName = byEventName.GetAlternateLookup<ReadOnlySpan<char>>();
        var anchors = _matchers.Select(matcher => matcher.Anchor).ToList();
        if (anchors.Count == 0
            || anchors.Any(anchor => anchor is not { Texts.Count: > 0 })
            || anchors.Any(anchor => anchor!.Key == LookedUpKey && anchor.Texts.Any(text => Encoding.UTF8.GetByteCount(text) > LongestLookedUpValue)))
        {
            return;
        }

        _anchored = true;

        // Only eventName is looked up by key: it is in every record once. A short key such as "type" occurs inside
        // many others (eventType, instanceType), so its values are searched as plain texts instead.
        foreach (var group in anchors.Select((anchor, index) => (anchor: anchor!, index))
                     .Where(a => a.anchor.Key == LookedUpKey)
                     .SelectMany(a => a.anchor.Texts.Select(text => (text: Widened(text), a.index)))
                     .GroupBy(a => a.text, StringComparer.Ordinal))
        {
            byEventName[group.Key] = [.. group.Select(a => a.index).Distinct()];
        }

        _eventNames = [.. anchors.Where(anchor => anchor!.Key == LookedUpKey).SelectMany(anchor => anchor!.Texts).Distinct(StringComparer.Ordinal)];
        _byText = [.. anchors.Select((anchor, index) => (anchor: anchor!, index)).Where(a => a.anchor.Key != LookedUpKey).Select(a => a.index)];
        var texts = _byText.SelectMany(index => anchors[index]!.Texts).Distinct(StringComparer.Ordinal).ToList();
        _otherTexts = [.. texts];
        if (texts.Count > 0)
        {
            _texts = SearchValues.Create([.. texts.Select(Widened)], StringComparison.Ordinal);
        }
    }

    /// <summary>True when the set rules messages out by the texts its patterns need before trying any pattern.</summary>
    public bool HasAnchorSearch => _anchored;

    public IReadOnlyList<PatternMatcher> Matchers => _matchers;

    /// <summary>
    /// With <see cref="HasAnchorSearch"/>, what a message must hold for <see cref="Match"/> to find any pattern
    /// matching: one of <see cref="AnchorTexts.EventNames"/> (as <c>eventName</c>'s value) or of
    /// <see cref="AnchorTexts.Others"/> written as they are anywhere in it, or a <c>\u</c> escape. A message holding
    /// none of these texts anywhere matches no pattern, so a reader may skip it unread. Null without an anchor search.
    /// </summary>
    public AnchorTexts? Anchors => _anchored ? new AnchorTexts(_eventNames, _otherTexts) : null;

    /// <summary>Sets <c>matches[i]</c> to whether <see cref="Matchers"/>[i] matches the event; returns how many did.</summary>
    // The loop every record of a backtest goes through: compiled optimised at once, not first as quick code.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public int Match(ReadOnlySpan<byte> utf8Message, Span<bool> matches)
    {
        if (matches.Length < _matchers.Length)
            throw new ArgumentException($"room for {_matchers.Length} outcomes is needed, got {matches.Length}", nameof(matches));
        var scan = _scan ??= new KeyValueScan();
        scan.Reset();
        if (!_anchored || utf8Message.IndexOf("\\u"u8) >= 0)
        {
            return TryAll(utf8Message, matches, scan);
        }

        matches[.._matchers.Length].Clear();
        var count = 0;
        Span<char> value = stackalloc char[LongestLookedUpValue];
        var offset = 0;
        while (KeyValueScan.NextValue(utf8Message, _eventNameKey, ref offset, out var start, out var length))
        {
            if (length < 0)
            {
                return TryAll(utf8Message, matches, scan); // an escaped value: only the JSON reader can say what it is
            }

            if (length <= LongestLookedUpValue && _byEventName.TryGetValue(value[..Encoding.Latin1.GetChars(utf8Message.Slice(start, length), value)], out var candidates))
            {
                count += Try(candidates, utf8Message, matches, scan);
            }
        }

        if (_texts is not null && HoldsAText(utf8Message))
        {
            count += Try(_byText, utf8Message, matches, scan);
        }

        return count;
    }

    /// <summary>
    /// The index of the first of <see cref="Matchers"/> that matches the event, or -1 when none does: what
    /// <see cref="Match"/> says, but the patterns after the first match are never tried, nor those the event lacks
    /// the texts of.
    /// </summary>
    public int FirstMatch(ReadOnlySpan<byte> utf8Message)
    {
        var scan = _scan ??= new KeyValueScan();
        scan.Reset();
        if (!_anchored || utf8Message.IndexOf("\\u"u8) >= 0)
        {
            return FirstOf([], utf8Message, scan);
        }

        Span<bool> candidates = _matchers.Length <= 64 ? stackalloc bool[64] : new bool[_matchers.Length];
        candidates = candidates[.._matchers.Length];
        candidates.Clear();
        var any = false;
        Span<char> value = stackalloc char[LongestLookedUpValue];
        var offset = 0;
        while (KeyValueScan.NextValue(utf8Message, _eventNameKey, ref offset, out var start, out var length))
        {
            if (length < 0)
            {
                return FirstOf([], utf8Message, scan);
            }

            if (length <= LongestLookedUpValue && _byEventName.TryGetValue(value[..Encoding.Latin1.GetChars(utf8Message.Slice(start, length), value)], out var named))
            {
                foreach (var i in named)
                {
                    candidates[i] = true;
                }

                any = true;
            }
        }

        if (_texts is not null && HoldsAText(utf8Message))
        {
            foreach (var i in _byText)
            {
                candidates[i] = true;
            }

            any = true;
        }

        return any ? FirstOf(candidates, utf8Message, scan) : -1;
    }

    /// <summary>The first pattern (of the candidates, or of all) that matches, or -1.</summary>
    private int FirstOf(ReadOnlySpan<bool> candidates, ReadOnlySpan<byte> utf8Message, KeyValueScan scan)
    {
        for (var i = 0; i < _matchers.Length; i++)
        {
            if ((candidates.IsEmpty || candidates[i]) && _matchers[i].Matches(utf8Message, scan))
            {
                return i;
            }
        }

        return -1;
    }

    private int TryAll(ReadOnlySpan<byte> utf8Message, Span<bool> matches, KeyValueScan scan)
    {
        var count = 0;
        for (var i = 0; i < _matchers.Length; i++)
        {
            matches[i] = _matchers[i].Matches(utf8Message, scan);
            if (matches[i])
                count++;
        }

        return count;
    }

    /// <summary>Tries the given patterns not yet found matching; returns how many newly match.</summary>
    private int Try(int[] candidates, ReadOnlySpan<byte> utf8Message, Span<bool> matches, KeyValueScan scan)
    {
        var count = 0;
        foreach (var i in candidates)
        {
            if (!matches[i] && _matchers[i].Matches(utf8Message, scan))
            {
                matches[i] = true;
                count++;
            }
        }

        return count;
    }

    private bool HoldsAText(ReadOnlySpan<byte> utf8Message)
    {
        var widened = _widened;
        if (widened is null || widened.Length < utf8Message.Length)
        {
            _widened = widened = new char[Math.Max(utf8Message.Length, 64 * 1024)];
        }

        return widened.AsSpan(0, Encoding.Latin1.GetChars(utf8Message, widened)).IndexOfAny(_texts!) >= 0;
    }

    /// <summary>Each UTF-8 byte of the text as one char (Latin-1), as a message is widened for the search.</summary>
    private static string Widened(string text) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));
}

/// <summary>The texts of <see cref="PatternMatcherSet.Anchors"/>: event names, and other texts needed anywhere.</summary>
public sealed record AnchorTexts(IReadOnlyList<string> EventNames, IReadOnlyList<string> Others);
