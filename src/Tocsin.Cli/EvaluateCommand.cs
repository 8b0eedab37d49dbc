using System.CommandLine;
using Tocsin.Cli.History;
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
        var store = new StoreFlags();
        flags.AddTo(command);
        store.AddTo(command, records: true);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(snapshot)!;
            try
            {
                var inventory = Snapshot.Parse(CliOptions.ReadFile(path), path);
                using var runs = store.Open(parse, console);
                var scope = RunScope.Of($"snapshot {Path.GetFullPath(path)}", RunScope.Controls(flags.Controls(parse)));
                return flags.Report(parse, inventory, console, ReportSource.Snapshot, recorder: new RunRecorder(runs, Store.RunKinds.Evaluate, ReportSource.Snapshot, scope, console));
            }
            catch (SnapshotException invalid)
            {
                throw new UsageException(invalid.Message);
            }
        });
        return command;
    }
}
