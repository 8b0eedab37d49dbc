using Tocsin.Aws.Collection;
using Tocsin.Cli.Configuration;
using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;

namespace Tocsin.Cli.Scanning;

/// <summary>What one `tocsin scan` reads: the targets (from flags or tocsin.yaml), the controls and how.</summary>
/// <param name="Judging">How the report judges the chains: a minimal reading stops only on chains that pass so.</param>
/// <param name="Evidence">`--evidence`: stop reading an account once every outcome is decided, or read every candidate.</param>
/// <param name="Shard">`--shard I/N`: only this worker's part of every target's accounts.</param>
internal sealed record ScanPlan(
    IReadOnlyList<ScanTarget> Targets,
    IReadOnlyList<Control> Controls,
    int Concurrency,
    Uri? EndpointUrl,
    string? SnapshotOut,
    EvaluationOptions Judging,
    EvidenceScope Evidence,
    ShardSpec? Shard = null)
{
    /// <summary>
    /// Read the EventBridge rules even when the report does not accept them (<c>remediate --via eventbridge</c>): a
    /// plan for that chain must see the rules, targets and topics already there, or it would plan them again.
    /// </summary>
    public bool ReadEventRules { get; init; }
}
