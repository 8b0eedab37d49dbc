namespace Tocsin.Core.Findings;

/// <summary>What a finding rests on.</summary>
/// <param name="Chain">ARNs of the most complete chain, in link order: trail, log group, metric filter, alarm, topic, subscription. Stops where the chain breaks.</param>
/// <param name="Candidates">ARNs of other trails, filters and alarms that were considered and not chosen.</param>
public sealed record Evidence(IReadOnlyList<string> Chain, IReadOnlyList<string> Candidates)
{
    public static Evidence None { get; } = new([], []);
}
