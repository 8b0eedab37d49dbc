namespace Tocsin.Emulator.Faults;

/// <summary>A clock that runs <paramref name="skew"/> away from another: the emulator's, when the faults file asks for clock skew.</summary>
internal sealed class SkewedClock(TimeProvider inner, TimeSpan skew) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + skew;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;
}
