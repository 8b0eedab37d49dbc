namespace Tocsin.Emulator.Faults;

/// <summary>What a fault plan does to one request: wait first, then maybe fail it.</summary>
public sealed record FaultDecision(TimeSpan Latency, FaultKind Kind)
{
    public static readonly FaultDecision None = new(TimeSpan.Zero, FaultKind.None);
}

public enum FaultKind
{
    None,
    Throttle,
    ServerError,

    /// <summary>The request hangs, then the connection is dropped without a reply.</summary>
    Timeout,
    AccessDenied,
}
