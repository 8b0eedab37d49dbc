namespace Tocsin.Emulator;

/// <summary>
/// The EventBridge event-pattern language, as the emulator needs it: PutRule refuses a pattern it rejects and
/// TestEventPattern answers with it. The emulator holds no matcher of its own (a scanner bug must not be mirrored by the
/// fake it is tested against); the host is given one (<see cref="EmulatorHost.StartAsync"/>). Without one, PutRule
/// accepts any pattern that is a JSON object and TestEventPattern is refused as not supported.
/// </summary>
public interface IEventPatternMatcher
{
    /// <summary>Why EventBridge would refuse <paramref name="pattern"/>, in its words; null when the pattern is valid.</summary>
    string? ProblemWith(string pattern);

    /// <summary>Whether <paramref name="eventJson"/> (a whole event, envelope included) matches a valid <paramref name="pattern"/>.</summary>
    bool Matches(string pattern, string eventJson);
}
