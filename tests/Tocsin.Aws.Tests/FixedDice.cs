namespace Tocsin.Aws.Tests;

/// <summary>Dice that always roll the same number, so a full-jitter wait is an exact fraction of its ceiling.</summary>
#pragma warning disable CA5394 // not used for security: it stands in for the backoff's jitter
internal sealed class FixedDice(double roll) : Random
{
    public override double NextDouble() => roll;

    protected override double Sample() => roll;
}
#pragma warning restore CA5394
