namespace Tocsin.Emulator.Faults;

/// <summary>
/// What a fault plan does to one request: wait first, then maybe fail it. <see cref="Fraction"/> (0..1) is the
/// request's own draw for faults that need a point, such as where a truncated reply is cut.
/// </summary>
public sealed record FaultDecision(TimeSpan Latency, FaultKind Kind, double Fraction = 0.5)
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

    /// <summary>The reply starts (status, headers, half the body), then the connection is dropped.</summary>
    ConnectionReset,

    /// <summary>A 200 reply whose body is broken in its protocol's own way (JSON, XML or CBOR).</summary>
    Malformed,

    /// <summary>A 200 reply whose body is cut short, its length header matching the cut body.</summary>
    Truncated,

    /// <summary>A 200 reply that is an HTML page (<c>text/html</c>), as a proxy or captive portal answers.</summary>
    WrongContentType,

    /// <summary>The true reply padded with whitespace to <see cref="FaultPlan.OversizedBytes"/> (JSON and XML).</summary>
    Oversized,

    /// <summary>The true reply, sent one byte every <see cref="FaultPlan.TrickleDelay"/>.</summary>
    Trickle,

    /// <summary>A request refused because its signature is more than 15 minutes from the emulator's skewed clock.</summary>
    ClockSkew,
}

/// <summary>Which fault kinds are decided before the operation runs, and which change its reply.</summary>
public static class FaultKinds
{
    public static bool ChangesReply(this FaultKind kind) =>
        kind is FaultKind.ConnectionReset or FaultKind.Malformed or FaultKind.Truncated or FaultKind.WrongContentType or FaultKind.Oversized or FaultKind.Trickle;
}
