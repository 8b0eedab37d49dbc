using System.Globalization;
using Tocsin.FaultMatrix;

// Scans demo-org and generated:17:every-reason on the emulator under random fault configurations, one per seed, and
// compares each account x control with the scenario's fault-free truth (see docs/reliability.md, "Fault matrix").
//   dotnet run -c Release --project bench/Tocsin.FaultMatrix -- [runs] [first seed]
// Exit code 0 when every run held: no false pass, every error explained by an injected fault, no finding lost, on time.
var runs = Argument(0, 200);
var firstSeed = Argument(1, 1);
var matrix = new FaultMatrixRun();
foreach (var scenario in MatrixScenario.All)
{
    var truth = await matrix.TruthAsync(scenario);
    var outcomes = truth.Findings.Values.GroupBy(f => f.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
    var reasons = truth.Findings.Values.SelectMany(f => f.Reasons).Distinct().Order(StringComparer.Ordinal);
    Console.WriteLine(Invariant($"truth of {scenario.Name}: {string.Join(", ", outcomes)} in {truth.Elapsed.TotalSeconds:0.0} s; reasons {string.Join(" ", reasons)}"));
}

for (var seed = firstSeed; seed < firstSeed + runs; seed++)
{
    var verdict = await matrix.RunAsync(seed);
    var faulted = verdict.Faulted;
    Console.WriteLine(Invariant($"seed {seed,4} {verdict.Configuration.Scenario.Name,-28} {verdict.Configuration.Describe(),-40} {faulted.Elapsed.TotalSeconds,6:0.0} s of {verdict.Budget.TotalSeconds,4:0} s  {faulted.Injected.Values.Sum(),4} faults {faulted.Summary?.Retries ?? 0,4} retries {verdict.Errors,4} errors {verdict.FalsePasses.Count} false passes{(faulted.StoppedBy is null ? "" : $"  stopped: {faulted.StoppedBy}")}"));
    foreach (var problem in verdict.FalsePasses.Concat(verdict.UnexplainedErrors).Concat(verdict.Missing).Concat(verdict.FalseFails))
    {
        Console.WriteLine($"     {problem}");
    }

    if (!verdict.Holds)
    {
        Console.WriteLine($"     FAULTS FILE:\n{verdict.Configuration.FaultsYaml}");
    }
}

var totals = matrix.Totals();
Console.WriteLine(Invariant($"""

    | figure | value |
    | --- | ---: |
    | runs (configurations) | {totals.Runs} |
    | faults injected | {totals.FaultsInjected:N0} |
    | API calls of the faulted scans | {totals.Calls:N0} |
    | retries (scan summaries) | {totals.Retries:N0} |
    | findings compared (account x control) | {totals.Findings:N0} |
    | error findings | {totals.ErrorFindings:N0} |
    | false passes | {totals.FalsePasses} |
    | errors naming no injected fault | {totals.UnexplainedErrors} |
    | findings lost | {totals.MissingFindings} |
    | false fails (fault-free pass, faulted fail) | {totals.FalseFails} |
    | scans stopped before any finding (CollectionException, exit 3) | {totals.StoppedScans - totals.CrashedScans} |
    | scans that crashed (any other exception) | {totals.CrashedScans} |
    | runs over their time budget | {totals.OverBudget} |
    | slowest run | {Slowest()} |

    | fault kind | runs | injected |
    | --- | ---: | ---: |
    {string.Join("\n", FaultConfigurationKinds().Select(kind => $"| {kind} | {totals.RunsByKind.GetValueOrDefault(kind)} | {totals.InjectedByKind.GetValueOrDefault(kind):N0} |"))}
    """));
return matrix.Verdicts.All(v => v.Holds) ? 0 : 1;

string Slowest() => totals.Slowest is { } slow
    ? Invariant($"{slow.Faulted.Elapsed.TotalSeconds:0.0} s (budget {slow.Budget.TotalSeconds:0} s): seed {slow.Configuration.Seed}, {slow.Configuration.Scenario.Name}, {slow.Configuration.Describe()}")
    : "none";

static IEnumerable<Tocsin.Emulator.Faults.FaultKind> FaultConfigurationKinds() => FaultConfiguration.Injectable;

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

int Argument(int index, int fallback) =>
    args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
