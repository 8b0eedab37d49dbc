using Tocsin.Core.Findings;

namespace Tocsin.Reports.Html;

/// <summary>
/// How a finding stands on the page: its outcome, or suppressed whatever its outcome. Each standing has a class (the
/// colour), a word and a symbol, so colour is never the only cue.
/// </summary>
internal enum Standing
{
    Fail,
    Error,
    Suppressed,
    Pass,
}

internal static class Standings
{
    /// <summary>Failing first: the order findings are listed in, and which one colours a cell that holds several.</summary>
    public static Standing Of(Finding finding) =>
        finding.Suppressed ? Standing.Suppressed
            : finding.Outcome switch
            {
                Outcome.Pass => Standing.Pass,
                Outcome.Fail => Standing.Fail,
                _ => Standing.Error,
            };

    /// <summary>The CSS class, which is also the word: <c>pass</c>, <c>fail</c>, <c>error</c>, <c>suppressed</c>.</summary>
    public static string ClassName(this Standing standing) => standing switch
    {
        Standing.Pass => "pass",
        Standing.Fail => "fail",
        Standing.Error => "error",
        _ => "suppressed",
    };

    public static string Symbol(this Standing standing) => standing switch
    {
        Standing.Pass => "✓",
        Standing.Fail => "✗",
        Standing.Error => "!",
        _ => "–",
    };

    /// <summary>Symbol and word, as a matrix cell and a finding's badge show them, e.g. <c>✗ fail</c>.</summary>
    public static string Label(this Standing standing) => $"{standing.Symbol()} {standing.ClassName()}";
}
