using Tocsin.Core.Controls;

namespace Tocsin.Reports.Sarif;

/// <summary>
/// A control's severity in the three scales GitHub code scanning reads: the SARIF level, the
/// <c>security-severity</c> score (over 9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, 0.1–3.9 low) and
/// <c>problem.severity</c>.
/// </summary>
internal static class SarifSeverity
{
    /// <summary>The level of a failing result and of the rule's default configuration.</summary>
    public static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    /// <summary>A score inside the band GitHub maps to the same word, written as a string as GitHub asks.</summary>
    public static string Score(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        _ => "3.0",
    };

    public static string Problem(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "recommendation",
    };
}
