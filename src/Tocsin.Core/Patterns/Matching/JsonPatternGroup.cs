using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Matching;

/// <summary>
/// Several JSON patterns read together: their selectors merged into one <see cref="JsonSelectorTree"/>, so one pass
/// of the JSON reader over an event marks the conditions of every pattern at once, and each pattern's boolean
/// structure is then evaluated over its own slice of the marks. A pattern's outcome is exactly what its own
/// <see cref="JsonPatternMatcher.Matches(ReadOnlySpan{byte})"/> says: the pass is the same walk, over more selectors.
/// </summary>
internal sealed class JsonPatternGroup
{
    private const int StackLimit = 512;

    private readonly JsonPatternMatcher?[] _members;
    private readonly int[] _offsets;
    private readonly JsonSelectorTree _tree = new();
    private readonly JsonConditionTest[] _tests;

    /// <param name="members">The patterns, by the index callers use; null stands for a pattern of another form,
    /// never read here.</param>
    /// <param name="captures">Selectors whose strings each read captures, by slot (see <see cref="CapturedText"/>).</param>
    public JsonPatternGroup(IReadOnlyList<JsonPatternMatcher?> members, IReadOnlyList<JsonSelector>? captures = null)
    {
        _members = [.. members];
        _offsets = new int[_members.Length];
        var tests = new List<JsonConditionTest>();
        for (var member = 0; member < _members.Length; member++)
        {
            _offsets[member] = tests.Count;
            foreach (var condition in _members[member]?.Conditions ?? [])
            {
                _tree.Add(condition.Selector, tests.Count);
                tests.Add(new JsonConditionTest(condition));
            }
        }

        _tests = [.. tests];
        for (var slot = 0; slot < (captures?.Count ?? 0); slot++)
            _tree.AddCapture(captures![slot], slot);
    }

    /// <summary>How many conditions the group's read marks: the room <see cref="Match(ReadOnlySpan{byte}, ReadOnlySpan{bool}, Span{bool}, Span{bool}, Span{bool}, Span{CapturedText}, out bool)"/> needs.</summary>
    public int ConditionCount => _tests.Length;

    /// <summary>
    /// Reads the event once and sets <c>outcomes[m]</c> for every member <c>m</c> with <c>wanted[m]</c> to whether that
    /// pattern matches; other outcomes are left as they are. Returns how many of the wanted members match. The caller
    /// has already ruled out, member by member, the events <see cref="JsonPatternMatcher.MustRead"/> rejects.
    /// <paramref name="captured"/> receives the capture selectors' strings (empty: none wanted).
    /// </summary>
    public int Match(ReadOnlySpan<byte> message, ReadOnlySpan<bool> wanted, Span<bool> outcomes, Span<CapturedText> captured = default)
    {
        var count = _tests.Length;
        Span<bool> satisfied = count <= StackLimit ? stackalloc bool[count] : new bool[count];
        Span<bool> selected = count <= StackLimit ? stackalloc bool[count] : new bool[count];
        return Match(message, wanted, outcomes, satisfied, selected, captured, out _);
    }

    /// <summary>
    /// <see cref="Match(ReadOnlySpan{byte}, ReadOnlySpan{bool}, Span{bool}, Span{CapturedText})"/> that leaves the marks
    /// of the read in <paramref name="satisfied"/> and <paramref name="selected"/> (<see cref="ConditionCount"/> long),
    /// so members nobody asked about yet can be told afterwards (<see cref="FirstHolding"/>). <paramref name="wanted"/>
    /// covers the first members; <paramref name="valid"/> is false when the event is not valid JSON.
    /// </summary>
    public int Match(ReadOnlySpan<byte> message, ReadOnlySpan<bool> wanted, Span<bool> outcomes, Span<bool> satisfied, Span<bool> selected, Span<CapturedText> captured, out bool valid)
    {
        satisfied = satisfied[.._tests.Length];
        selected = selected[.._tests.Length];
        satisfied.Clear();
        selected.Clear();
        valid = JsonPatternMatcher.Walk(_tree, _tests, message, satisfied, selected, captures: null, captured);
        var matched = 0;
        for (var member = 0; member < wanted.Length; member++)
        {
            if (!wanted[member] || _members[member] is not { } pattern)
                continue;
            outcomes[member] = valid && Holds(pattern, member, satisfied, selected);
            if (outcomes[member])
                matched++;
        }

        return matched;
    }

    /// <summary>
    /// After a valid read that left its marks in <paramref name="satisfied"/> and <paramref name="selected"/>: the
    /// first of members <paramref name="from"/> .. <paramref name="from"/> + <paramref name="count"/> - 1 that matches
    /// the event (relative to <paramref name="from"/>), -1 when none does, or null when one of them is not in the group.
    /// </summary>
    public int? FirstHolding(ReadOnlySpan<bool> satisfied, ReadOnlySpan<bool> selected, int from, int count)
    {
        for (var member = from; member < from + count; member++)
        {
            if (_members[member] is null)
                return null;
        }

        for (var member = from; member < from + count; member++)
        {
            if (Holds(_members[member]!, member, satisfied, selected))
                return member - from;
        }

        return -1;
    }

    private bool Holds(JsonPatternMatcher pattern, int member, ReadOnlySpan<bool> satisfied, ReadOnlySpan<bool> selected)
    {
        var start = _offsets[member];
        var length = pattern.Conditions.Count;
        return pattern.Holds(satisfied.Slice(start, length), selected.Slice(start, length));
    }
}
