using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Matching;

/// <summary>
/// A filter pattern compiled for matching log events with CloudWatch Logs semantics (SPEC.md). Compile once,
/// then match from any number of threads: a compiled matcher holds no per-event state.
/// </summary>
public sealed class PatternMatcher
{
    private readonly EventMatcher _matcher;

    private PatternMatcher(FilterPattern pattern, EventMatcher matcher)
    {
        Pattern = pattern;
        _matcher = matcher;
    }

    /// <summary>The pattern this matcher was compiled from.</summary>
    public FilterPattern Pattern { get; }

    /// <summary>Compiles a parsed pattern. Throws <see cref="ArgumentException"/> only for a syntax tree the parser
    /// would not produce (such as a regex with a group).</summary>
    public static PatternMatcher Compile(FilterPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        EventMatcher matcher = pattern switch
        {
            MatchAllPattern => new MatchAllMatcher(),
            TermPattern terms => new TermMatcher(terms),
            RegexPattern regex => new RegexMatcher(CloudWatchRegex.Compile(regex.Regex)),
            JsonPattern json => new JsonPatternMatcher(json),
            DelimitedPattern delimited => new DelimitedMatcher(delimited),
            _ => throw new ArgumentException($"Unknown pattern form {pattern.GetType().Name}", nameof(pattern)),
        };
        return new PatternMatcher(pattern, matcher);
    }

    /// <summary>True when the event (its raw UTF-8 message) matches. Never throws on any input.</summary>
    public bool Matches(ReadOnlySpan<byte> utf8Message) => _matcher.Matches(utf8Message);

    internal bool Matches(ReadOnlySpan<byte> utf8Message, KeyValueScan scan) => _matcher.Matches(utf8Message, scan);

    /// <summary>
    /// Texts of which every message this pattern matches holds one as written, unless it has a <c>\u</c> escape (see
    /// <see cref="JsonLiteralPrefilter.AnchorClause"/>); null when there are none to rely on (a pattern that is not JSON, or requires no text).
    /// </summary>
    internal JsonLiteralPrefilter.Anchor? Anchor => _matcher is JsonPatternMatcher json ? json.Prefilter.AnchorClause : null;

    /// <summary>The JSON pattern's matcher, for a set that reads an event once for several of them; null for other forms.</summary>
    internal JsonPatternMatcher? Json => _matcher as JsonPatternMatcher;

    /// <summary>True when the event message matches. Never throws on any input.</summary>
    public bool Matches(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _matcher.Matches(message);
    }

    /// <summary>
    /// The values CloudWatch's TestMetricFilter reports for a matching message: for space-delimited patterns every
    /// field, as <c>$name</c> when a named pattern field bound it and <c>$n</c> (its 1-based position) otherwise;
    /// for JSON patterns see <see cref="UnsettledSemantics.JsonExtractsSelectedValues"/>; empty for term and regex
    /// patterns, and for a message that does not match.
    /// </summary>
    public IReadOnlyDictionary<string, string> ExtractedValues(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _matcher.ExtractedValues(message);
    }
}
