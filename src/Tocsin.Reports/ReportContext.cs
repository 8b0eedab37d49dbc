using Tocsin.Core.Findings;

namespace Tocsin.Reports;

/// <summary>
/// What a report says beyond the findings: where they came from, when, by which version, how a person fixes each
/// failing one, and how a terminal shows text. One context serves every format of a run, so a SARIF file and an
/// HTML page written together say the same.
/// </summary>
/// <param name="GeneratedAt">When the run was made; machine formats stamp it, so tests pass a fixed time.</param>
/// <param name="Source">What was read: <see cref="ReportSource.Live"/> AWS, a snapshot, or infrastructure code.</param>
/// <param name="Colour">True when the text report goes to a terminal that shows colour.</param>
/// <param name="Width">Columns the text report is laid out in: no line is longer.</param>
public sealed record ReportContext(
    DateTimeOffset GeneratedAt,
    ReportSource Source = ReportSource.Live,
    bool Colour = false,
    int Width = TextReportWriter.DefaultWidth)
{
    /// <summary>The version of Tocsin that wrote the report.</summary>
    public string ToolVersion { get; init; } = ToolInfo.Version;

    /// <summary>
    /// The steps that make a failing finding pass, for the formats that show them (HTML, SARIF help); null when
    /// no remediation was planned for the run. Called once per failing finding.
    /// </summary>
    public Func<Finding, Remedy?>? Remedies { get; init; }

    /// <summary>A context stamped now, for a live scan.</summary>
    public static ReportContext Now(ReportSource source = ReportSource.Live) => new(DateTimeOffset.UtcNow, source);

    /// <summary>
    /// The command a person runs to fix a failing finding: remediate the one account and control. For code, the
    /// fix is an edit of the files the finding names, so there is no command.
    /// </summary>
    public string? FixCommand(Finding finding) =>
        finding.Outcome == Outcome.Fail && !finding.Suppressed && Source != ReportSource.InfrastructureCode
            ? $"tocsin remediate --accounts {finding.AccountId} --controls {finding.ControlId}"
            : null;
}

/// <summary>Where a run's inventory came from.</summary>
public enum ReportSource
{
    Live,
    Snapshot,
    InfrastructureCode,
}

/// <summary>How to make one failing finding pass: each step in words, and the AWS CLI commands that make them.</summary>
public sealed record Remedy(IReadOnlyList<string> Steps, string Commands);

/// <summary>The tool's name and version, as reports cite them.</summary>
public static class ToolInfo
{
    public const string Name = "Tocsin";

    public static string Version { get; } =
        typeof(ToolInfo).Assembly.GetName().Version is { } version ? $"{version.Major}.{version.Minor}.{version.Build}" : "0.0.0";
}
