namespace Tocsin.Aws.Http;

/// <summary>
/// How far this machine's clock is from AWS's, learned from the <c>Date</c> of a reply that refused a request as
/// too skewed; later signatures use the corrected time so a drifting clock does not fail a whole scan.
/// </summary>
public sealed class ClockOffset(TimeProvider clock)
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public DateTime UtcNow => clock.GetUtcNow().UtcDateTime + Offset;

    public void Learn(DateTimeOffset serverTime) => Interlocked.Exchange(ref _offsetTicks, (serverTime - clock.GetUtcNow()).Ticks);
}
