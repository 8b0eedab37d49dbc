using Tocsin.Cli.Configuration;
using Tocsin.Core.Controls;

namespace Tocsin.Cli.Scanning;

/// <summary>What one `tocsin scan` reads: the targets (from flags or tocsin.yaml), the controls and how.</summary>
internal sealed record ScanPlan(
    IReadOnlyList<ScanTarget> Targets,
    IReadOnlyList<Control> Controls,
    int Concurrency,
    Uri? EndpointUrl,
    string? SnapshotOut);
