using System.CommandLine;
using System.Text;
using Tocsin.Aws.Collection;
using Tocsin.Cli.Configuration;
using Tocsin.Cli.Scanning;
using Tocsin.Core.Controls;
using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Cli;

/// <summary>
/// <c>tocsin demo</c>: starts the emulator in-process with the demo organization, scans it as a user would (the
/// organization through its management account, the standalone accounts through their audit role), prints the
/// report and what to try next. Needs nothing but the .NET SDK.
/// </summary>
internal static class DemoCommand
{
    private const string OrganizationRole = "OrganizationAccountAccessRole";
    private const string AuditRole = "TocsinAuditRole";
    private const string SeedControl = "console-signin-without-mfa";

    public static Command Create(CliConsole console)
    {
        var flags = new ReportFlags();
        var command = new Command("demo", "Scan an emulated organization that shows every verdict Tocsin gives, and explain it.");
        flags.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var scenario = Scenario.Builtin("demo-org");
            await using var emulator = await EmulatorHost.StartAsync(scenario, faults: null, port: 0, cancellationToken: cancellationToken);
            var management = DemoCredentials.ManagementKey(scenario);
            var standalone = scenario.StandaloneAccountIds.Order(StringComparer.Ordinal).ToList();
            console.Error.WriteLine(WrappedText.Wrap($"Tocsin demo: the emulated organization of {scenario.AccountIds.Count} accounts at {emulator.Endpoint}, scanned from its management account {management.AccountId}.", console.Width));

            // The seed control unless --controls says otherwise: the demo organization is built around it.
            var controls = flags.HasControls(parse) ? flags.Controls(parse) : [ControlCatalog.Default.Find(SeedControl)!];

            // What a team would write in tocsin.yaml: the organization, plus accounts outside it reached by a role.
            var config = new ScanConfig("(demo)", [
                    new ScanTarget("demo-organization", null, Organization: true, OrganizationRole, null, "tocsin-demo", null, null),
                    new ScanTarget("standalone-accounts", null, Organization: false, AuditRole, null, "tocsin-demo", standalone, null),
                ], [.. controls.Select(c => c.Id)], null, null, emulator.Endpoint.ToString(), new ReportDefaults(null, null, "never", null, null));
            var plan = new ScanPlan(config.Targets, controls, 8, emulator.Endpoint, null);
            // The emulated management account's key; nothing of the machine's own AWS set-up is read.
            var runner = new ScanRunner(DemoCredentials.Collector(), console, DemoCredentials.For(emulator.Endpoint));
            var exit = await ScanCommand.RunAsync(parse, flags, config, runner, plan, console, cancellationToken);
            console.Error.WriteLine(NextSteps(emulator.Endpoint, console.Width));
            return exit;
        });
        return command;
    }

    /// <summary>
    /// What to try next, laid out in <paramref name="width"/> columns. Each command is a line (or a few joined by
    /// <c>\</c>) of at most 80 columns that pastes into a shell as it is; the prose wraps.
    /// </summary>
    private static string NextSteps(Uri endpoint, int width)
    {
        (string[] Command, string Why)[] steps =
        [
            ([$"tocsin demo --controls {SeedControl},root-account-usage"],
                "the same organization against the root-usage control too, which account 555555555555's tuned pattern leans on"),
            ([$"tocsin pattern verdict --control {SeedControl} \\", """  '{ $.eventName = "ConsoleLogin" || $.additionalEventData.MFAUsed != "Yes" }'"""],
                "why account 888888888888's pattern alerts on every sign-in, MFA or not"),
            (["tocsin demo --mode literal"],
                "the same organization judged by the regex the common checkers use: see which verdicts flip"),
            (["tocsin emulator --scenario demo-org --port 4566"],
                "keep the organization running, then scan it yourself in another shell, with its management account's key:"),
            ([$"tocsin scan {DemoCredentials.Flag} --endpoint-url http://127.0.0.1:4566 \\", $"  --org --role-name {OrganizationRole} --snapshot-out demo.json"],
                "reads the organization as `tocsin demo` did and saves what it read"),
            (["tocsin evaluate demo.json --format json"],
                "judges the saved organization again, without reading it"),
        ];
        var text = new StringBuilder("\nWhat to try next:\n");
        foreach (var (command, why) in steps)
        {
            foreach (var line in command)
            {
                text.Append("  ").Append(line).Append('\n');
            }

            text.Append(WrappedText.Wrap(why, width, indent: 6)).Append('\n');
        }

        return text.Append(WrappedText.Wrap($"(this run's endpoint was {endpoint}; it stops with the demo)", width)).ToString();
    }
}
