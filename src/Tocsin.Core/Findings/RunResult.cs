using Tocsin.Core.Exceptions;

namespace Tocsin.Core.Findings;

/// <summary>The findings of a run in report order (account, control, region) and their summary; what every report writer reads.</summary>
public sealed record RunResult(IReadOnlyList<Finding> Findings, RunSummary Summary)
{
    public static RunResult Of(IEnumerable<Finding> findings, IReadOnlyList<ExceptionEntry>? expiredExceptions = null)
    {
        IReadOnlyList<Finding> ordered =
        [
            .. findings
                .OrderBy(f => f.AccountId, StringComparer.Ordinal)
                .ThenBy(f => f.ControlId, StringComparer.Ordinal)
                .ThenBy(f => f.Region ?? string.Empty, StringComparer.Ordinal),
        ];
        return new RunResult(ordered, RunSummary.Of(ordered, expiredExceptions ?? []));
    }
}
