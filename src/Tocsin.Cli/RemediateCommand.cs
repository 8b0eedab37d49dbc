using System.CommandLine;
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
        var command = new Command("remediate", "Plan the steps that make every failing finding pass, and write them as words, JSON, a script or templates.");
        scan.AddTo(command);
        judging.AddJudgingTo(command);
        plan.AddTo(command);
        apply.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var config = scan.LoadConfig(parse);
            var controls = judging.Controls(parse, config);
            var afterReport = apply.AfterReport(parse);
            if (apply.Applying(parse, plan.FromSnapshot(parse)))
            {
                var scanPlan = scan.Plan(parse, config, controls);
                var application = new Applying.PlanApplication(console, scan.Runner(parse, scanPlan, console), inventory => judging.Evaluate(parse, inventory, config), inventory => plan.Build(parse, judging, config, inventory, controls))
                {
                    AfterScan = afterReport is null ? null : (inventory, after) => afterReport.Write(after, judging.Context(parse, inventory, ReportSource.Live, console, config), console),
                };
                return await application.RunAsync(scanPlan, apply.Yes(parse), apply.Force(parse), cancellationToken);
            }

            var inventory = await plan.InventoryAsync(parse, scan, config, controls, console, cancellationToken);
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
