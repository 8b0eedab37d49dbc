using System.CommandLine;
using Tocsin.Core.Inventory.Snapshots;
using Tocsin.Reports;

namespace Tocsin.Cli;

/// <summary><c>tocsin evaluate SNAPSHOT.json</c>: replays a saved inventory through the evaluator.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliConsole console)
    {
        var snapshot = new Argument<string>("snapshot") { Description = "A snapshot written by `tocsin scan --snapshot-out`." };
        var flags = new ReportFlags();
        var command = new Command("evaluate", "Evaluate the controls over a saved inventory snapshot.") { snapshot };
        flags.AddTo(command);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(snapshot)!;
            try
            {
                return flags.Report(parse, Snapshot.Parse(CliOptions.ReadFile(path), path), console, ReportSource.Snapshot);
            }
            catch (SnapshotException invalid)
            {
                throw new UsageException(invalid.Message);
            }
        });
        return command;
    }
}
