namespace Tocsin.Fuzz.Tests.Harness;

/// <summary>
/// What one input may cost: wall time on the worker, and bytes allocated while it runs (a fixed allowance plus a
/// multiple of the input's size, so a reader that keeps copying what it reads is caught).
/// </summary>
public sealed record FuzzLimits(TimeSpan PerInput, long FixedBytes, long BytesPerInputByte)
{
    public static FuzzLimits Default { get; } = new(TimeSpan.FromSeconds(2), 64L << 20, 256);

    public long AllowedBytes(long inputSize) => FixedBytes + BytesPerInputByte * inputSize;
}
