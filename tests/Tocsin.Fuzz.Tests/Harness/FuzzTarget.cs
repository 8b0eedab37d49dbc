namespace Tocsin.Fuzz.Tests.Harness;

/// <summary>
/// One kind of input to fuzz: how to make input number n from its random source, how big it is, how to show it in a
/// failure, and the check that must hold for it (throwing means the check failed).
/// </summary>
public sealed record FuzzTarget<TInput>(
    string Name,
    Func<Random, TInput> Generate,
    Func<TInput, long> Size,
    Func<TInput, string> Show,
    Action<TInput> Check)
{
    public FuzzLimits Limits { get; init; } = FuzzLimits.Default;

    /// <summary>An input checked once before the clock starts, so one-time costs (loading a schema, compiling code)
    /// do not count against the first generated input.</summary>
    public TInput? Warmup { get; init; }
}
