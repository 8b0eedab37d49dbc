using System.Collections.Concurrent;

namespace Tocsin.Aws.Http;

/// <summary>One <see cref="AdaptiveGate"/> per account and region: AWS throttles per account, region and API.</summary>
public sealed class AdaptiveGates(double initialLimit = 8, double maxLimit = 32)
{
    private readonly ConcurrentDictionary<(string Account, string Region), AdaptiveGate> _gates = new();

    public AdaptiveGate For(string account, string region) =>
        _gates.GetOrAdd((account, region), _ => new AdaptiveGate(initialLimit, maxLimit));
}
