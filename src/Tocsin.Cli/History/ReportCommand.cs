using System.CommandLine;
using Tocsin.Core.Evaluation;
using Tocsin.Reports;
using Tocsin.Store;

namespace Tocsin.Cli.History;

/// <summary>
/// <c>tocsin report --run ID</c>: a recorded run written again in any report format — above all the run that several
/// shards wrote into one store, merged. Each failing finding's fix is planned on the inventory the run kept.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var run = new Option<string>("--run") { Description = "The run: its id, a unique prefix, latest or latest~N (default latest).", DefaultValueFactory = _ => "latest" };
        var format = new Option<string>("--format") { Description = $"Report format, or several separated by commas with --output-dir: {string.Join(", ", ReportWriters.Formats)}.", DefaultValueFactory = _ => "text" };
        var output = new Option<string?>("--output") { Description = "Write the report to this file instead of standard output." };
        var outputDir = new Option<string?>("--output-dir") { Description = "Write the report in every --format to this folder, as tocsin.EXT." };
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a finding is at or above: fail (fail or error), error, never.", DefaultValueFactory = _ => "fail" };
        failOn.AcceptOnlyFromAmong("fail", "error", "never");
        var store = new StoreFlags();
        var command = new Command("report", "Write a recorded run (a sharded run merged) as a report in any format.") { run, format, output, outputDir, failOn };
        store.AddTo(command, records: false);
        command.Validators.Add(result =>
        {
            try
            {
                ReportOutput.Parse(result.GetValue(format) ?? "text", result.GetValue(output), result.GetValue(outputDir));
            }
            catch (UsageException invalid)
            {
                result.AddError(invalid.Message);
            }
        });
        command.SetAction(parse =>
        {
            var destination = ReportOutput.Parse(parse.GetValue(format)!, parse.GetValue(output), parse.GetValue(outputDir));
            using var opened = store.OpenExisting(parse);
            try
            {
                var stored = opened.Find(parse.GetValue(run)!);
                if (!stored.Complete)
                {
                    console.Error.WriteLine($"run {stored.Id}: {stored.Parts} of {stored.PartsExpected} shards are recorded; the report covers their accounts only.");
                }

                var result = opened.Result(stored);
                destination.Write(result, Context(stored, opened.Inventory(stored), console), console);
                return ReportFlags.ExitCode(result, parse.GetValue(failOn)!);
            }
            catch (StoreException problem)
            {
                throw new UsageException(problem.Message);
            }
        });
        return command;
    }

    /// <summary>Stamped with the run's own time; fixes planned on the run's inventory, as the scan's report planned them.</summary>
    private static ReportContext Context(StoredRun run, Core.Inventory.CloudInventory? inventory, CliConsole console)
    {
        var source = run.Source switch
        {
            "snapshot" => ReportSource.Snapshot,
            "code" => ReportSource.InfrastructureCode,
            _ => ReportSource.Live,
        };
        return new ReportContext(run.FinishedAt, source, Width: console.Width)
        {
            ToolVersion = run.ToolVersion,
            Remedies = inventory is null ? null : ReportFlags.Remedies(inventory, EvaluationOptions.Default, source),
        };
    }
}
