using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Aws.Collection;

/// <summary>
/// Whether what was read of an account already proves a passing chain for every control the scan evaluates, judged
/// as the report will judge it. Then nothing more read in that account can change an outcome: the evaluator reports
/// a passing chain whenever there is one, and judges a chain on its own links alone.
/// </summary>
internal sealed class PassProof(IReadOnlyList<Control> controls, EvaluationOptions options)
{
    private readonly ChainEvaluator _evaluator = new(options);

    public bool Holds(CloudInventory inventory, Account account)
    {
        var findings = controls.Select(control => _evaluator.Evaluate(inventory, account, control)).ToList();
        if (findings.Any(finding => finding.Outcome != Outcome.Pass))
        {
            return false;
        }

        // A tuned pattern's finding says whether the controls that cover what it drops alert in the same account:
        // those must be proven too, or the finding could say "not covered" of an alarm that was not read.
        var covering = findings.Where(finding => finding.Verdict == VerdictKind.Tuned)
            .SelectMany(finding => ControlCatalog.Default.Find(finding.ControlId)?.Populations ?? [])
            .Select(population => population.CoveredBy)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Select(ControlCatalog.Default.Find)
            .OfType<Control>()
            .Where(control => !controls.Contains(control));
        return covering.All(control => _evaluator.Evaluate(inventory, account, control).Outcome == Outcome.Pass);
    }
}
