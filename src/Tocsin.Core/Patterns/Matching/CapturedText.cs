namespace Tocsin.Core.Patterns.Matching;

/// <summary>What the read of an event found at a captured selector (see <see cref="PatternMatcherSet"/>).</summary>
public enum CaptureState : byte
{
    /// <summary>The event was not read as JSON (no pattern needed it, or it is not valid JSON): nothing is known.</summary>
    NotRead,

    /// <summary>The event was read and the selector selected no string.</summary>
    Absent,

    /// <summary>The selector's last string, as written between its quotes (no escapes): <see cref="CapturedText.Start"/> and <see cref="CapturedText.Length"/>.</summary>
    Found,

    /// <summary>The selector's last string holds escapes: only a JSON reader can say what it spells.</summary>
    Escaped,
}

/// <summary>
/// The string value one selector reached while an event was read for its patterns, as bytes of the event: a caller
/// that wants a few fields of the events that match gets them from the same read, not from reading each event again.
/// When a selector reaches several strings (duplicate keys), the last one is kept.
/// </summary>
public readonly record struct CapturedText(CaptureState State, int Start, int Length)
{
    public static CapturedText NotRead => default;

    public static CapturedText Absent => new(CaptureState.Absent, 0, 0);

    public static CapturedText Escaped => new(CaptureState.Escaped, 0, 0);

    /// <summary>The captured bytes of <paramref name="message"/>; empty unless <see cref="State"/> is <see cref="CaptureState.Found"/>.</summary>
    public ReadOnlySpan<byte> In(ReadOnlySpan<byte> message) => State == CaptureState.Found ? message.Slice(Start, Length) : [];
}
