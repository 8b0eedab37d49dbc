using System.CommandLine;
using Tocsin.Cli.Configuration;
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
        var command = new Command("scan", "Collect the chains from AWS, evaluate every control, and report.");
        scan.AddTo(command);
        flags.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var config = scan.LoadConfig(parse);
            var plan = scan.Plan(parse, config, flags.Controls(parse, config));
            return await RunAsync(parse, flags, config, scan.Runner(parse, plan, console), plan, console, cancellationToken);
        });
        return command;
    }

    /// <summary>Collects, reports, and returns the exit code; a target that could not start makes it at least 2.</summary>
    public static async Task<int> RunAsync(ParseResult parse, ReportFlags flags, ScanConfig? config, ScanRunner runner, ScanPlan plan, CliConsole console, CancellationToken cancellationToken)
    {
        var outcome = await runner.RunAsync(plan, cancellationToken);
        if (outcome.FailedTargets.Count == plan.Targets.Count)
        {
            // Nothing was read: an empty report would only hide the messages above it.
            return ExitCodes.UsageError;
        }

        var exit = flags.Report(parse, outcome.Inventory, console, ReportSource.Live, config, outcome.Collection);
        return outcome.FailedTargets.Count > 0 ? Math.Max(exit, ExitCodes.UsageError) : exit;
    }
}
