using Tocsin.Core.Findings;

namespace Tocsin.FaultMatrix;

/// <summary>
/// How one faulted scan compares with the fault-free truth, per account × control: a pass that is not a true pass
/// (the fault-free scan said fail or error), an error whose reasons name no injected fault, a finding the faulted
/// scan lost, and whether it ended within its time budget.
/// </summary>
internal sealed record RunVerdict(
    FaultConfiguration Configuration,
    ScanOutcome Faulted,
    TimeSpan Budget,
    IReadOnlyList<string> FalsePasses,
    IReadOnlyList<string> FalseFails,
    IReadOnlyList<string> UnexplainedErrors,
    IReadOnlyList<string> Missing)
{
    public bool WithinBudget => Faulted.Elapsed <= Budget;

    /// <summary>The scan stopped with something other than the collector's own <c>CollectionException</c> (a crash, exit 3 without a reason).</summary>
    public bool Crashed => Faulted.StoppedBy is { } stop && !stop.StartsWith("CollectionException:", StringComparison.Ordinal);

    public int Errors => Faulted.Findings.Values.Count(f => f.Outcome == Outcome.Error);

    /// <summary>Nothing wrong: no false pass, every error explained, no finding lost, on time. False fails are reported, not failed on.</summary>
    public bool Holds => FalsePasses.Count == 0 && UnexplainedErrors.Count == 0 && Missing.Count == 0 && WithinBudget && !Crashed;

    public static RunVerdict Compare(FaultConfiguration configuration, ScanOutcome truth, ScanOutcome faulted)
    {
        var allowed = configuration.ReasonsAllowed();
        var falsePasses = new List<string>();
        var falseFails = new List<string>();
        var unexplained = new List<string>();
        var missing = new List<string>();
        if (faulted.StoppedBy is null)
        {
            foreach (var ((account, control), expected) in truth.Findings.OrderBy(e => e.Key))
            {
                var where = $"{account} {control}";
                if (!faulted.Findings.TryGetValue((account, control), out var seen))
                {
                    missing.Add(where);
                    continue;
                }

                if (seen.Outcome == Outcome.Pass && expected.Outcome != Outcome.Pass)
                {
                    falsePasses.Add($"{where}: pass, fault-free {Show(expected)}");
                }

                if (seen.Outcome == Outcome.Fail && expected.Outcome == Outcome.Pass)
                {
                    falseFails.Add($"{where}: {Show(seen)}, fault-free pass");
                }

                if (seen.Outcome == Outcome.Error && !seen.Reasons.All(reason => allowed.Contains(reason) || expected.Reasons.Contains(reason)))
                {
                    unexplained.Add($"{where}: {Show(seen)} with only {configuration.Describe()} injected");
                }
            }
        }

        var budget = MatrixTiming.Budget(configuration.Latency, configuration.RequestsMayHang, truth.Elapsed);
        return new RunVerdict(configuration, faulted, budget, falsePasses, falseFails, unexplained, missing);
    }

    private static string Show(Judged judged) =>
        $"{judged.Outcome.ToString().ToLowerInvariant()}{(judged.Reasons.Count == 0 ? "" : $" ({string.Join(", ", judged.Reasons)})")}";
}
