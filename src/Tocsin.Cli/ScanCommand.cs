using System.CommandLine;
using Tocsin.Cli.Configuration;
using Tocsin.Cli.History;
using Tocsin.Cli.Scanning;
using Tocsin.Reports;

namespace Tocsin.Cli;

/// <summary>
/// <c>tocsin scan</c>: collect from AWS, evaluate, report. What to scan comes from the flags, else from tocsin.yaml
/// (in the working directory, or <c>--config</c>), else the account of the default credentials.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(CliConsole console)
    {
        var scan = new ScanFlags(sharded: true);
        var flags = new ReportFlags();
        var store = new StoreFlags();
        var command = new Command("scan", "Collect the chains from AWS, evaluate every control, and report.");
        scan.AddTo(command);
        flags.AddTo(command);
        store.AddTo(command, records: true);
        store.AddRunIdTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var config = scan.LoadConfig(parse);
            var plan = scan.Plan(parse, config, flags.Controls(parse, config), flags.EvaluationOptions(parse, config));
            using var runs = store.Open(parse, console);
            if (plan.Shard is not null && runs is not null && store.RunId(parse) is null)
            {
                throw new UsageException("--shard records one part of a run: give every shard the same --run-id (or --no-store)");
            }

            var recorder = new RunRecorder(runs, Store.RunKinds.Scan, ReportSource.Live, Scope(plan), console)
            {
                RunId = store.RunId(parse),
                Shard = plan.Shard is { } shard ? new Store.RunShard(shard.Index, shard.Count) : null,
            };
            return await RunAsync(parse, flags, config, scan.Runner(parse, plan, console), plan, console, cancellationToken, recorder);
        });
        return command;
    }

    /// <summary>What a scan plan covers: each target (organization or accounts, the identity it starts from, its regions), the controls, the endpoint.</summary>
    public static RunScope Scope(ScanPlan plan) => RunScope.Of(
        [.. plan.Targets.Select(Describe), RunScope.Controls(plan.Controls), plan.EndpointUrl is { } endpoint ? $"endpoint {endpoint}" : null]);

    private static string Describe(ScanTarget target) => string.Join(' ', new[]
    {
        target.Organization ? $"organization through role {target.RoleName}" : target.Accounts is { Count: > 0 } named ? $"accounts {string.Join(',', named)}" : "the caller's account",
        target.Organization && target.Accounts is { Count: > 0 } only ? $"(accounts {string.Join(',', only)})" : null,
        target.Profile is { } profile ? $"from profile {profile}" : null,
        target.Regions is { Count: > 0 } regions ? $"in {string.Join(',', regions)}" : "in every region",
    }.OfType<string>());

    /// <summary>Collects, reports, and returns the exit code; a target that could not start makes it at least 2.</summary>
    public static async Task<int> RunAsync(ParseResult parse, ReportFlags flags, ScanConfig? config, ScanRunner runner, ScanPlan plan, CliConsole console, CancellationToken cancellationToken, RunRecorder? recorder = null)
    {
        var outcome = await runner.RunAsync(plan, cancellationToken);
        if (outcome.FailedTargets.Count == plan.Targets.Count)
        {
            // Nothing was read: an empty report would only hide the messages above it.
            return ExitCodes.UsageError;
        }

        var exit = flags.Report(parse, outcome.Inventory, console, ReportSource.Live, config, outcome.Collection, recorder: recorder);
        return outcome.FailedTargets.Count > 0 ? Math.Max(exit, ExitCodes.UsageError) : exit;
    }
}
