namespace Tocsin.Core.Patterns.Matching;

/// <summary>
/// What one <see cref="PatternMatcherSet.Match(ReadOnlySpan{byte}, Span{bool}, PatternSetRead)"/> learnt from reading an
/// event beyond the outcomes: the strings at the set's capture selectors, and the marks from which its riders'
/// outcomes are told (<see cref="PatternMatcherSet.FirstRider"/>). Made by <see cref="PatternMatcherSet.NewRead"/>
/// and reused from event to event by one thread; each match overwrites it.
/// </summary>
public sealed class PatternSetRead
{
    private readonly CapturedText[] _captured;

    internal PatternSetRead(PatternMatcherSet set, int captures)
    {
        Set = set;
        _captured = new CapturedText[captures];
    }

    /// <summary>The set whose reads this holds.</summary>
    internal PatternMatcherSet Set { get; }

    /// <summary>By capture slot; all <see cref="CaptureState.NotRead"/> when the event was not read as valid JSON.</summary>
    public ReadOnlySpan<CapturedText> Captured => _captured;

    /// <summary>True when the last event was read as valid JSON, its captures and riders known.</summary>
    public bool WasRead => Group is not null;

    internal Span<CapturedText> Capturing => _captured;

    // The group that read the last event, and the marks it left.
    internal JsonPatternGroup? Group { get; private set; }

    internal bool[] Satisfied { get; private set; } = [];

    internal bool[] Selected { get; private set; } = [];

    internal void Forget()
    {
        Group = null;
        _captured.AsSpan().Clear();
    }

    /// <summary>Room for the marks of <paramref name="group"/>'s read.</summary>
    internal void Prepare(JsonPatternGroup group)
    {
        if (Satisfied.Length < group.ConditionCount)
        {
            Satisfied = new bool[group.ConditionCount];
            Selected = new bool[group.ConditionCount];
        }
    }

    internal void Remember(JsonPatternGroup group, bool valid) => Group = valid ? group : null;
}
