using System.Buffers;
using System.Text;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Matching;

/// <summary>
/// Several compiled patterns applied to each event together, as a backtest does with a whole control set. The
/// outcome for each pattern is exactly what its own <see cref="PatternMatcher.Matches(ReadOnlySpan{byte})"/>
/// says; the set only shares work between them (one scan per JSON key the patterns' prefilters look for).
/// Thread-safe: the shared work lives in per-thread state.
/// <para>Before any pattern is tried, the set looks for the texts one of which each pattern needs: a message holding
/// none of them, and no <c>\u</c> escape, matches no pattern, and nearly every record of a CloudTrail history is such
/// a message. Event names, which most patterns require, are looked up from the message's <c>eventName</c> values (one
/// vectorised search for the key); any other texts by vectorised searches: a few each in the message's bytes, more by
/// one multi-text search (<see cref="SearchValues{T}"/> of strings, over the message widened byte for byte). This is used only when every
/// pattern of the set has such texts.</para>
/// <para>The JSON patterns a record may match are then read together: one pass of the JSON reader over the record
/// for all of them (<see cref="JsonPatternGroup"/>), not one pass each, following only the patterns the record's texts
/// made candidates. That pass can also capture the strings at given selectors and mark riders, patterns a caller wants
/// told of the records the set reads anyway (<see cref="PatternSetRead"/>, <see cref="FirstRider"/>).</para>
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

    // The JSON patterns by index (null for other forms), and all of them merged for one read of an event.
    private readonly JsonPatternMatcher?[] _json;
    private readonly JsonPatternGroup? _group;

    // The group of only the patterns an event's texts made candidates, by that set of patterns (a bit each, for up to
    // 64 patterns): a smaller tree to follow and fewer conditions to test than the whole set's. Event names pick few
    // distinct sets, made once each; past MostCandidateGroups, the whole set's group serves.
    private const int MostCandidateGroups = 256;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ulong, JsonPatternGroup> _candidateGroups = new();

    // eventName value (its UTF-8 bytes widened to chars) -> the patterns that may match a record with that event name.
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _byEventName;
    private readonly byte[] _eventNameKey = KeyValueScan.KeyBytes(LookedUpKey);

    // The patterns anchored on other texts, tried when any of those texts occurs.
    private readonly int[] _byText = [];
    private readonly SearchValues<string>? _texts;

    // A few texts are each searched for in the message's bytes; more are searched for together in it widened to chars.
    private const int MostTextsSearchedAlone = 4;
    private readonly byte[][]? _textBytes;

    private readonly string[] _eventNames = [];
    private readonly string[] _otherTexts = [];

    // Selectors whose strings every read of an event captures, and the riders: JSON patterns told from a read the set
    // makes anyway, each with the patterns it rides with (it is in the read when one of them is a candidate).
    private readonly JsonSelector[] _captures;
    private readonly JsonPatternMatcher[] _riders;
    private readonly ulong[] _riderWith;

    public PatternMatcherSet(IEnumerable<PatternMatcher> matchers)
        : this(matchers, [], [])
    {
    }

    /// <param name="matchers">The patterns, in the order outcomes are given.</param>
    /// <param name="captures">Selectors whose last string value each read of an event reports
    /// (<see cref="PatternSetRead.Captured"/>): fields a caller wants of the events that match, from the same read.</param>
    /// <param name="riders">JSON patterns that never make the set read an event, but are told from a read it makes
    /// (<see cref="FirstRider"/>), each with the indexes of the <paramref name="matchers"/> it rides with: it is part of
    /// the read when one of those may match the event. At most 64 matchers when there are riders.</param>
    public PatternMatcherSet(IEnumerable<PatternMatcher> matchers, IReadOnlyList<JsonSelector> captures, IReadOnlyList<(PatternMatcher Pattern, IReadOnlyList<int> With)> riders)
    {
        ArgumentNullException.ThrowIfNull(matchers);
        ArgumentNullException.ThrowIfNull(captures);
        ArgumentNullException.ThrowIfNull(riders);
        _matchers = matchers.ToArray();
        _captures = [.. captures];
        if (riders.Count > 0 && _matchers.Length > 64)
            throw new ArgumentException($"riders need at most 64 patterns to ride with, got {_matchers.Length}", nameof(riders));
        _riders = [.. riders.Select(rider => rider.Pattern.Json ?? throw new ArgumentException($"a rider must be a JSON pattern: {rider.Pattern.Pattern}", nameof(riders)))];
        _riderWith = [.. riders.Select(rider => rider.With.Aggregate(0UL, (mask, index) => mask | (1UL << index)))];
        _json = [.. _matchers.Select(matcher => matcher.Json)];
        if (_json.Any(json => json is not null))
            _group = new JsonPatternGroup([.. _json, .. _riders], _captures);
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
        if (texts.Count is > 0 and <= MostTextsSearchedAlone)
        {
            _textBytes = [.. texts.Select(Encoding.UTF8.GetBytes)];
        }
        else if (texts.Count > 0)
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
    public int Match(ReadOnlySpan<byte> utf8Message, Span<bool> matches) => Match(utf8Message, matches, read: null);

    /// <summary>A fresh <see cref="PatternSetRead"/> for this set, for one thread to pass to each <see cref="Match(ReadOnlySpan{byte}, Span{bool}, PatternSetRead)"/>.</summary>
    public PatternSetRead NewRead() => new(this, _captures.Length);

    /// <summary>
    /// Sets <c>matches[i]</c> to whether <see cref="Matchers"/>[i] matches the event, and fills <paramref name="read"/>
    /// with what reading it as JSON for its patterns found: the captures and the riders' marks
    /// (<see cref="PatternSetRead.WasRead"/> is false when no JSON pattern needed reading it, or it is not valid JSON).
    /// Returns how many patterns matched.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public int Match(ReadOnlySpan<byte> utf8Message, Span<bool> matches, PatternSetRead? read)
    {
        if (read is not null && read.Set != this)
            throw new ArgumentException("the read was made by another set (NewRead of this one is needed)", nameof(read));
        read?.Forget();
        if (matches.Length < _matchers.Length)
            throw new ArgumentException($"room for {_matchers.Length} outcomes is needed, got {matches.Length}", nameof(matches));
        matches = matches[.._matchers.Length];
        matches.Clear();
        var scan = _scan ??= new KeyValueScan();
        scan.Reset();
        Span<bool> candidates = _matchers.Length <= 64 ? stackalloc bool[64] : new bool[_matchers.Length];
        candidates = candidates[.._matchers.Length];
        return Candidates(utf8Message, candidates) ? Decide(utf8Message, candidates, matches, scan, read) : 0;
    }

    /// <summary>
    /// The index of the first of <see cref="Matchers"/> that matches the event, or -1 when none does: what
    /// <see cref="Match"/> says, but the patterns the event lacks the texts of are never tried.
    /// </summary>
    public int FirstMatch(ReadOnlySpan<byte> utf8Message)
    {
        var scan = _scan ??= new KeyValueScan();
        scan.Reset();
        Span<bool> candidates = _matchers.Length <= 64 ? stackalloc bool[64] : new bool[_matchers.Length];
        candidates = candidates[.._matchers.Length];
        if (!Candidates(utf8Message, candidates))
            return -1;
        Span<bool> matches = _matchers.Length <= 64 ? stackalloc bool[64] : new bool[_matchers.Length];
        matches = matches[.._matchers.Length];
        matches.Clear();
        return Decide(utf8Message, candidates, matches, scan, read: null) == 0 ? -1 : matches.IndexOf(true);
    }

    /// <summary>
    /// Marks the patterns the event may match by the texts it holds (every pattern without an anchor search, or when
    /// the event escapes a character the texts could be spelled with); false when it may match none.
    /// </summary>
    private bool Candidates(ReadOnlySpan<byte> utf8Message, Span<bool> candidates)
    {
        if (!_anchored || utf8Message.IndexOf("\\u"u8) >= 0)
        {
            candidates.Fill(true);
            return true;
        }

        candidates.Clear();
        var any = false;
        Span<char> value = stackalloc char[LongestLookedUpValue];
        var offset = 0;
        while (KeyValueScan.NextValue(utf8Message, _eventNameKey, ref offset, out var start, out var length))
        {
            if (length < 0)
            {
                candidates.Fill(true); // an escaped value: only the JSON reader can say what it is
                return true;
            }

            if (length <= LongestLookedUpValue && _byEventName.TryGetValue(value[..Encoding.Latin1.GetChars(utf8Message.Slice(start, length), value)], out var named))
            {
                foreach (var i in named)
                    candidates[i] = true;
                any = true;
            }
        }

        if ((_texts is not null || _textBytes is not null) && HoldsAText(utf8Message))
        {
            foreach (var i in _byText)
                candidates[i] = true;
            any = true;
        }

        return any;
    }

    /// <summary>
    /// Sets the outcome of every candidate; returns how many match. A pattern of another form is tried on its own; the
    /// JSON patterns that must read the event to tell read it together, in one pass (<see cref="JsonPatternGroup"/>).
    /// </summary>
    private int Decide(ReadOnlySpan<byte> utf8Message, ReadOnlySpan<bool> candidates, Span<bool> matches, KeyValueScan scan, PatternSetRead? read)
    {
        Span<bool> mustRead = _matchers.Length <= 64 ? stackalloc bool[64] : new bool[_matchers.Length];
        mustRead = mustRead[.._matchers.Length];
        mustRead.Clear();
        int count = 0, reads = 0, last = -1;
        for (var i = 0; i < _matchers.Length; i++)
        {
            if (!candidates[i])
                continue;
            if (_json[i] is { } json)
            {
                // Once two patterns must read the event, the group reads it and every pattern's conditions are marked
                // in that one pass: a prefilter can no longer spare any work, and one that rules a pattern out agrees
                // with the read (a pattern it rules out cannot match).
                if (reads >= 2 || json.MustRead(utf8Message, scan))
                {
                    mustRead[i] = true;
                    reads++;
                    last = i;
                }
            }
            else if (_matchers[i].Matches(utf8Message, scan))
            {
                matches[i] = true;
                count++;
            }
        }

        if (reads == 0)
            return count;
        if (read is not null)
        {
            // one read for the patterns, the captures and the riders
            var group = GroupFor(candidates);
            read.Prepare(group);
            count += group.Match(utf8Message, mustRead, matches, read.Satisfied, read.Selected, read.Capturing, out var valid);
            read.Remember(group, valid);
            return count;
        }

        if (reads == 1)
        {
            matches[last] = _json[last]!.Read(utf8Message);
            return count + (matches[last] ? 1 : 0);
        }

        return count + GroupFor(candidates).Match(utf8Message, mustRead, matches);
    }

    /// <summary>
    /// Of riders <paramref name="from"/> .. <paramref name="from"/> + <paramref name="count"/> - 1, the first that matches
    /// the event <paramref name="read"/> last read (relative to <paramref name="from"/>), or -1 when none does: what
    /// their own matchers say. Null when the event was not read, or not with all of those riders (none of the patterns
    /// they ride with was a candidate): then ask their matchers.
    /// </summary>
    public int? FirstRider(PatternSetRead read, int from, int count)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Set != this)
            throw new ArgumentException("the read was made by another set (NewRead of this one is needed)", nameof(read));
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(from + count, _riders.Length);
        return read.Group is { } group ? group.FirstHolding(read.Satisfied, read.Selected, _matchers.Length + from, count) : null;
    }

    private JsonPatternGroup GroupFor(ReadOnlySpan<bool> candidates)
    {
        if (_matchers.Length > 64)
            return _group!;
        var key = 0UL;
        for (var i = 0; i < candidates.Length; i++)
        {
            if (candidates[i])
                key |= 1UL << i;
        }

        if (_candidateGroups.TryGetValue(key, out var group))
            return group;
        if (_candidateGroups.Count >= MostCandidateGroups)
            return _group!;
        return _candidateGroups.GetOrAdd(key, static (key, set) => new JsonPatternGroup(
            [
                .. set._json.Select((member, i) => (key & (1UL << i)) != 0 ? member : null),
                .. set._riders.Select((rider, i) => (key & set._riderWith[i]) != 0 ? rider : null),
            ],
            set._captures), this);
    }

    private bool HoldsAText(ReadOnlySpan<byte> utf8Message)
    {
        if (_textBytes is { } texts)
        {
            foreach (var text in texts)
            {
                if (utf8Message.IndexOf(text) >= 0)
                    return true;
            }

            return false;
        }

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
