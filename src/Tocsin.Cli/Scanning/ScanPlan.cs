using Tocsin.Aws.Collection;
using Tocsin.Cli.Configuration;
using Tocsin.Core.Controls;

namespace Tocsin.Cli.Scanning;

/// <summary>What one `tocsin scan` reads: the targets (from flags or tocsin.yaml), the controls and how.</summary>
/// <param name="Shard">`--shard I/N`: only this worker's part of every target's accounts.</param>
internal sealed record ScanPlan(
    IReadOnlyList<ScanTarget> Targets,
    IReadOnlyList<Control> Controls,
    int Concurrency,
    Uri? EndpointUrl,
    string? SnapshotOut,
    ShardSpec? Shard = null);
