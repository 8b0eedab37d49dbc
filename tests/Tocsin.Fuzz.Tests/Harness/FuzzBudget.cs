using System.Globalization;

namespace Tocsin.Fuzz.Tests.Harness;

/// <summary>
/// How long each fuzz target runs and from which seed: <c>TOCSIN_FUZZ_SECONDS</c> (per target) and
/// <c>TOCSIN_FUZZ_SEED</c>. Without them every target gets an equal share of a 30-second slice and one fixed seed,
/// so a CI run is repeatable; a failure prints the seed and the input's number to replay it.
/// </summary>
public static class FuzzBudget
{
    /// <summary>How many fuzz targets share the default slice (one test per input kind).</summary>
    public const int Targets = 8;

    public const double DefaultSliceSeconds = 30;

    public const long DefaultSeed = 20261206;

    public static TimeSpan PerTarget { get; } = TimeSpan.FromSeconds(
        double.TryParse(Environment.GetEnvironmentVariable("TOCSIN_FUZZ_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : DefaultSliceSeconds / Targets);

    /// <summary>The inputs a target runs at most in the default slice: the same inputs on a fast machine as on a slow one, never new ones.</summary>
    public const long DefaultSliceInputs = 10_000;

    /// <summary>
    /// <c>TOCSIN_FUZZ_INPUTS</c>: a target stops after this many inputs even with time left (for a campaign of a fixed
    /// size); without it, the default slice stops at <see cref="DefaultSliceInputs"/>, and a campaign given only
    /// <c>TOCSIN_FUZZ_SECONDS</c> runs for its time.
    /// </summary>
    public static long MaxInputs { get; } =
        long.TryParse(Environment.GetEnvironmentVariable("TOCSIN_FUZZ_INPUTS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var inputs) && inputs > 0
            ? inputs
            : Environment.GetEnvironmentVariable("TOCSIN_FUZZ_SECONDS") is { Length: > 0 } ? long.MaxValue : DefaultSliceInputs;

    /// <summary>
    /// <c>TOCSIN_FUZZ_FIRST</c>: the number of the first input (default 0), so that one campaign's inputs can be split
    /// between processes (0 and 500000 with <c>TOCSIN_FUZZ_INPUTS=500000</c> run the same million as one process).
    /// </summary>
    public static long FirstInput { get; } =
        long.TryParse(Environment.GetEnvironmentVariable("TOCSIN_FUZZ_FIRST"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var first) && first > 0
            ? first
            : 0;

    public static long Seed { get; } =
        long.TryParse(Environment.GetEnvironmentVariable("TOCSIN_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : DefaultSeed;

    /// <summary>
    /// The random source of input number <paramref name="index"/>: a function of the seed and the number only, so one
    /// input can be regenerated without the ones before it.
    /// </summary>
    public static Random InputRandom(long seed, long index)
    {
        // SplitMix64 over (seed, index): neighbouring inputs get unrelated streams.
        var z = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)index + 0x632BE59BD9B4E019UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return new Random(unchecked((int)z ^ (int)(z >> 32)));
    }
}
