using Tocsin.Core.Exceptions;

namespace Tocsin.Core.Findings;

/// <summary>
/// Totals of a run. <see cref="Pass"/>, <see cref="Fail"/> and <see cref="Error"/> count findings that are not
/// suppressed; <see cref="Suppressed"/> counts the rest, whatever their outcome.
/// </summary>
public sealed record RunSummary(
    int Accounts,
    int Controls,
    int Pass,
    int Fail,
    int Error,
    int Suppressed,
    IReadOnlyList<ExceptionEntry> ExpiredExceptions)
{
    public static RunSummary Of(IReadOnlyCollection<Finding> findings, IReadOnlyList<ExceptionEntry> expiredExceptions)
    {
        var open = findings.Where(f => !f.Suppressed).ToList();
        return new RunSummary(
            findings.Select(f => f.AccountId).Distinct().Count(),
            findings.Select(f => f.ControlId).Distinct().Count(),
            open.Count(f => f.Outcome == Outcome.Pass),
            open.Count(f => f.Outcome == Outcome.Fail),
            open.Count(f => f.Outcome == Outcome.Error),
            findings.Count - open.Count,
            expiredExceptions);
    }
}
