using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using Tocsin.Aws.Collection;
using Tocsin.Emulator;
using Tocsin.Emulator.Faults;
using Tocsin.Emulator.Scenarios;

// Scans a generated organization on the emulator with a fixed latency per call and compares the wall time with
// the floor: the calls' total latency spread over the concurrency, and the per-account critical path.
//   dotnet run -c Release --project bench/Tocsin.ScanBench -- [accounts] [concurrency] [latencyMs] [minimal|full]
var accounts = Argument(0, 1000);
var concurrency = Argument(1, 64);
var latencyMs = Argument(2, 20);
var evidence = args.Length > 3 && args[3] == "full" ? EvidenceScope.Full : EvidenceScope.Minimal;
string[] regions = ["us-east-1", "us-west-2"];

var scenario = ScenarioGenerator.Generate(accounts, regions);
var faults = FaultPlan.Parse($"rules:\n  - latencyMs: {latencyMs}\n", "bench-faults.yaml");
await using var emulator = await EmulatorHost.StartAsync(scenario, faults, port: 0);
var request = new CollectRequest
{
    StartingCredentials = new BasicAWSCredentials(ScenarioGenerator.KeyId(1), "generated"),
    Credentials = new Tocsin.Aws.Credentials.CredentialOptions(Region: "us-east-1"),
    EndpointUrl = emulator.Endpoint,
    Organization = new OrganizationScope("OrganizationAccountAccessRole"),
    Concurrency = concurrency,
    Controls = [Tocsin.Core.Controls.ControlCatalog.Default.Find("console-signin-without-mfa")!],
    Evidence = evidence,
};

var clock = Stopwatch.StartNew();
var phases = new Phases(clock);
var result = await new Collector(new CollectorOptions { Environment = _ => null }).CollectAsync(request, phases);
var wall = clock.Elapsed;

var summary = result.Summary;
var latency = TimeSpan.FromMilliseconds(latencyMs);
var throughputFloor = latency * summary.Attempts / concurrency;

// Sequential steps of one account. Full evidence: AssumeRole, DescribeRegions, DescribeTrails, DescribeMetricFilters,
// DescribeAlarms, then GetTopicAttributes alongside ListSubscriptionsByTopic (status and selectors run beside the
// chain): 6. Minimal evidence: a passing account skips DescribeRegions (5); a failing one then reads the rest
// completely, DescribeRegions, the other regions' DescribeTrails and their chains (5 more): 10.
var criticalPathSteps = evidence == EvidenceScope.Full ? 6 : 10;
var accountPath = latency * criticalPathSteps;
// The organization listing and caller identity come first: GetCallerIdentity, DescribeOrganization, ListAccounts pages.
var preamble = latency * (2 + ((accounts + 19) / 20));
var floor = new[] { throughputFloor, accountPath }.Max() + preamble;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
    accounts            {accounts} x {regions.Length} regions, {evidence.ToString().ToLowerInvariant()} evidence
    concurrency         {concurrency}
    latency per call    {latencyMs} ms
    calls               {summary.Calls} ({summary.Attempts} HTTP requests, {(double)summary.Calls / accounts:0.0} per account)
    throttles, failures {summary.Throttles}, {summary.Failures}
    wall time           {wall.TotalSeconds:0.00} s  (organization listed at {phases.Listed.TotalSeconds:0.00} s, first account read at {phases.First.TotalSeconds:0.00} s, last at {phases.Last.TotalSeconds:0.00} s)
    floor               {floor.TotalSeconds:0.00} s  (max of calls x latency / concurrency = {throughputFloor.TotalSeconds:0.00} s and the account critical path {accountPath.TotalMilliseconds:0} ms, plus {preamble.TotalMilliseconds:0} ms to list the organization)
    ratio               {(floor > TimeSpan.Zero ? $"{wall / floor:0.00}x the floor" : "no floor without latency")}
    """));

int Argument(int index, int fallback) =>
    args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

/// <summary>When the scan listed the organization and read its first and last account, from its progress reports.</summary>
internal sealed class Phases(Stopwatch clock) : IProgress<CollectProgress>
{
    public TimeSpan Listed { get; private set; }

    public TimeSpan First { get; private set; }

    public TimeSpan Last { get; private set; }

    public void Report(CollectProgress value)
    {
        lock (this)
        {
            if (value.Account is null)
            {
                Listed = clock.Elapsed;
                return;
            }

            if (First == TimeSpan.Zero)
            {
                First = clock.Elapsed;
            }

            Last = clock.Elapsed;
        }
    }
}
