using Tocsin.Core.EventPatterns;

namespace Tocsin.Emulator;

/// <summary>
/// The event-pattern language of Core (<see cref="EventPatternMatcher"/>), given to the emulator so PutRule refuses
/// what EventBridge refuses and TestEventPattern answers as the scanner judges. Every way Tocsin starts the emulator
/// passes it; only tests of the seam itself start one without.
/// </summary>
public sealed class EventBridgePatterns : IEventPatternMatcher
{
    public static EventBridgePatterns Instance { get; } = new();

    /// <summary>The parser's message, which ends with the line and column of the offending token.</summary>
    public string? ProblemWith(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return EventPatternMatcher.Compile(pattern).Error?.Message;
    }

    public bool Matches(string pattern, string eventJson)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(eventJson);
        var (matcher, error) = EventPatternMatcher.Compile(pattern);
        return matcher is not null
            ? matcher.Matches(eventJson)
            : throw new ArgumentException($"the pattern is not valid: {error?.Message}", nameof(pattern));
    }
}
