using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.Evaluation;

/// <summary>Which verdicts pass (DESIGN.md "Pattern verdicts"), by default and with <c>--strict</c>.</summary>
internal static class VerdictPolicy
{
    public static bool Passes(PatternVerdict verdict, bool strict) => verdict.Kind switch
    {
        VerdictKind.Equivalent => true,
        VerdictKind.Tuned when strict => verdict.Variant is not null,
        VerdictKind.Tuned => verdict.CatchesRequiredPopulations,
        VerdictKind.Broader => !strict,
        _ => false,
    };
}
