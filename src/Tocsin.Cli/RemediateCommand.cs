using System.CommandLine;
using Tocsin.Cli.History;
using Tocsin.Cli.Scanning;
using Tocsin.Reports;

namespace Tocsin.Cli;

/// <summary>
/// <c>tocsin remediate</c>: scan (or read <c>--snapshot</c>), evaluate, and write the plan that makes every failing
/// finding pass, in the form a team deploys: words, JSON, a CLI script, templates, a policy; or, with <c>--apply</c>,
/// list its changes and (<c>--yes</c>) make them.
/// </summary>
internal static class RemediateCommand
{
    public static Command Create(CliConsole console)
    {
        var scan = new ScanFlags();
        var judging = new ReportFlags();
        var plan = new PlanFlags();
        var apply = new Applying.ApplyFlags();
        var store = new StoreFlags();
        var command = new Command("remediate", "Plan the steps that make every failing finding pass, and write them as words, JSON, a script or templates.");
        scan.AddTo(command);
        judging.AddJudgingTo(command);
        plan.AddTo(command);
        apply.AddTo(command);
        store.AddTo(command, records: true);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var config = scan.LoadConfig(parse);
            var controls = judging.Controls(parse, config);
            var afterReport = apply.AfterReport(parse);
            if (apply.Applying(parse, plan.FromSnapshot(parse)))
            {
                if (plan.Via(parse) == Remediation.Plans.PlanVia.EventBridge)
                {
                    throw new UsageException("--apply makes the metric-filter chain only; it does not put EventBridge rules yet. Write the EventBridge chain with --via eventbridge --format cli (or cloudformation, terraform, stackset) and run that");
                }

                var scanPlan = scan.Plan(parse, config, controls, judging.EvaluationOptions(parse, config));
                // Only a run that changes something is recorded: a dry run changes nothing.
                using var runs = apply.Yes(parse) ? store.Open(parse, console) : null;
                var recorder = new RunRecorder(runs, Store.RunKinds.Remediate, ReportSource.Live, ScanCommand.Scope(scanPlan), console);
                Applying.PlanApplication? application = null;
                application = new Applying.PlanApplication(console, scan.Runner(parse, scanPlan, console), inventory => judging.Evaluate(parse, inventory, config), inventory => plan.Build(parse, judging, config, inventory, controls))
                {
                    AfterScan = (inventory, after) =>
                    {
                        afterReport?.Write(after, judging.Context(parse, inventory, ReportSource.Live, console, config), console);
                        recorder.Record(after, inventory, judging.ExceptionsInForce(parse, config), AppliedSteps.Of(application!.Applied));
                    },
                };
                return await application.RunAsync(scanPlan, apply.Yes(parse), apply.Force(parse), cancellationToken);
            }

            var inventory = await plan.InventoryAsync(parse, scan, config, controls, judging.EvaluationOptions(parse, config), console, cancellationToken);
            if (inventory is null)
            {
                return ExitCodes.UsageError;
            }

            var remediation = plan.Build(parse, judging, config, inventory, controls);
            plan.Write(parse, remediation, console);
            return ExitCodes.Ok;
        });
        return command;
    }
}
