namespace Tocsin.Emulator;

/// <summary>
/// What one client may ask of the emulator. The largest request an AWS SDK sends for the emulated operations is a
/// policy document of a few kilobytes; a body past <see cref="MaxBodyBytes"/> gets 413, headers past
/// <see cref="MaxHeaderBytes"/> get 431, and a client that has not sent its headers within
/// <see cref="HeadersTimeout"/> is disconnected, so neither a huge nor a trickling request holds the endpoint.
/// </summary>
public sealed record EmulatorLimits(long MaxBodyBytes, int MaxHeaderBytes, TimeSpan HeadersTimeout, long MaxConnections)
{
    public static EmulatorLimits Default { get; } = new(MaxBodyBytes: 1024 * 1024, MaxHeaderBytes: 32 * 1024, HeadersTimeout: TimeSpan.FromSeconds(10), MaxConnections: 1024);
}
