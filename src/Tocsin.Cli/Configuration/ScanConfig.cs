namespace Tocsin.Cli.Configuration;

/// <summary>
/// A team's scan as one reviewed file (tocsin.yaml): what to scan, which controls, the exceptions file and the
/// report defaults, so that `tocsin scan` with no flags repeats it. Flags override what the file says.
/// </summary>
internal sealed record ScanConfig(
    string FilePath,
    IReadOnlyList<ScanTarget> Targets,
    IReadOnlyList<string>? Controls,
    string? Exceptions,
    int? Concurrency,
    string? EndpointUrl,
    ReportDefaults Report)
{
    /// <summary>`evidence: full|minimal`, as `--evidence`.</summary>
    public string? Evidence { get; init; }

    /// <summary>`accept: [eventbridge]`, as `--accept`: evidence besides the CIS chain that may pass a control.</summary>
    public IReadOnlyList<string>? Accept { get; init; }
}

/// <summary>
/// One account (its profile's) or a whole organization (listed from the management or delegated administrator
/// account, with <see cref="RoleName"/> assumed in each member).
/// </summary>
internal sealed record ScanTarget(
    string Name,
    string? Profile,
    bool Organization,
    string? RoleName,
    string? ExternalId,
    string? SessionName,
    IReadOnlyList<string>? Accounts,
    IReadOnlyList<string>? Regions);

internal sealed record ReportDefaults(string? Format, string? Output, string? FailOn, string? Mode, bool? Strict)
{
    public static ReportDefaults None { get; } = new(null, null, null, null, null);
}
