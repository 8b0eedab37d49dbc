namespace Tocsin.Core.Exceptions;

/// <summary>What an exception is matched against: a finding's control (with its aliases), account, region and evidence.</summary>
/// <param name="ControlAliases">Every other name of the control (CIS and Security Hub ids), so an entry may use any of them.</param>
/// <param name="Region">The region of the finding, null when it has none.</param>
/// <param name="Resources">The ARNs in the finding's evidence.</param>
public sealed record ExceptionKey(
    string ControlId,
    IReadOnlyCollection<string> ControlAliases,
    string AccountId,
    string? Region,
    IReadOnlyCollection<string> Resources);
