namespace Tocsin.Core.Patterns.Matching;

/// <summary>
/// Several compiled patterns applied to each event together, as a backtest does with a whole control set. The
/// outcome for each pattern is exactly what its own <see cref="PatternMatcher.Matches(ReadOnlySpan{byte})"/>
/// says; the set only shares work between them (one scan per JSON key the patterns' prefilters look for).
/// Thread-safe: the shared work lives in per-thread state.
/// </summary>
public sealed class PatternMatcherSet
{
    [ThreadStatic]
    private static KeyValueScan? _scan;

    private readonly PatternMatcher[] _matchers;

    public PatternMatcherSet(IEnumerable<PatternMatcher> matchers)
    {
        ArgumentNullException.ThrowIfNull(matchers);
        _matchers = matchers.ToArray();
    }

    public IReadOnlyList<PatternMatcher> Matchers => _matchers;

    /// <summary>Sets <c>matches[i]</c> to whether <see cref="Matchers"/>[i] matches the event; returns how many did.</summary>
    public int Match(ReadOnlySpan<byte> utf8Message, Span<bool> matches)
    {
        if (matches.Length < _matchers.Length)
            throw new ArgumentException($"room for {_matchers.Length} outcomes is needed, got {matches.Length}", nameof(matches));
        var scan = _scan ??= new KeyValueScan();
        scan.Reset();
        var count = 0;
        for (var i = 0; i < _matchers.Length; i++)
        {
            matches[i] = _matchers[i].Matches(utf8Message, scan);
            if (matches[i])
                count++;
        }

        return count;
    }
}
