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
    public JsonPatternGroup(IReadOnlyList<JsonPatternMatcher?> members)
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
    }

    /// <summary>
    /// Reads the event once and sets <c>outcomes[m]</c> for every member <c>m</c> with <c>wanted[m]</c> to whether that
    /// pattern matches; other outcomes are left as they are. Returns how many of the wanted members match. The caller
    /// has already ruled out, member by member, the events <see cref="JsonPatternMatcher.MustRead"/> rejects.
    /// </summary>
    public int Match(ReadOnlySpan<byte> message, ReadOnlySpan<bool> wanted, Span<bool> outcomes)
    {
        var count = _tests.Length;
        Span<bool> satisfied = count <= StackLimit ? stackalloc bool[count] : new bool[count];
        Span<bool> selected = count <= StackLimit ? stackalloc bool[count] : new bool[count];
        satisfied.Clear();
        selected.Clear();
        var valid = JsonPatternMatcher.Walk(_tree, _tests, message, satisfied, selected, captures: null);
        var matched = 0;
        for (var member = 0; member < _members.Length; member++)
        {
            if (!wanted[member] || _members[member] is not { } pattern)
                continue;
            var start = _offsets[member];
            var length = pattern.Conditions.Count;
            outcomes[member] = valid && pattern.Holds(satisfied.Slice(start, length), selected.Slice(start, length));
            if (outcomes[member])
                matched++;
        }

        return matched;
    }
}
