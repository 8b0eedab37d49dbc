using System.Text.RegularExpressions;
using Tocsin.Remediation.Apply;
using Tocsin.Store;

namespace Tocsin.Cli.History;

/// <summary>The remediation steps of an apply, as the store keeps them: where, what kind, why, in words, and what became of each.</summary>
internal static partial class AppliedSteps
{
    public static IReadOnlyList<AppliedStep> Of(IEnumerable<StepResult> results) =>
        [.. results.Select(r => new AppliedStep(
            r.Step.AccountId,
            r.Step.Region,
            Kebab().Replace(r.Step.GetType().Name, "-$1").ToLowerInvariant(),
            r.Step.ReasonCodeText,
            r.Step.Describe(),
            Kebab().Replace(r.Outcome.ToString(), "-$1").ToLowerInvariant(),
            r.Detail))];

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex Kebab();
}
