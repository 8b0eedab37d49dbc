using System.CommandLine;
using System.Text;
using Tocsin.Aws.Collection;
using Tocsin.Cli.Applying;
using Tocsin.Cli.Configuration;
using Tocsin.Cli.History;
using Tocsin.Cli.Scanning;
using Tocsin.Core.Controls;
using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;
using Tocsin.Remediation.Planning;
using Tocsin.Remediation.Plans;
using Tocsin.Store;

namespace Tocsin.Cli;

/// <summary>
/// <c>tocsin demo</c>: starts the emulator in-process with the demo organization, scans it as a user would (the
/// organization through its management account, the standalone accounts through their audit role), prints the
/// report, then fixes what fails (plan, apply, scan again) and shows the report once more, and what to try next.
/// Needs nothing but the .NET SDK.
/// </summary>
internal static class DemoCommand
{
    private const string OrganizationRole = "OrganizationAccountAccessRole";
    private const string AuditRole = "TocsinAuditRole";
    private const string SeedControl = "console-signin-without-mfa";
    private const string DemoRecipient = "security@example.com";

    public static Command Create(CliConsole console)
    {
        var flags = new ReportFlags();
        var reportOnly = new Option<bool>("--report-only") { Description = "Stop after the report: do not plan, apply and scan again." };
        var store = new StoreFlags();
        var command = new Command("demo", "Scan an emulated organization that shows every verdict Tocsin gives, explain it, then fix it and scan again.") { reportOnly };
        flags.AddTo(command);
        store.AddTo(command, records: true, defaultDescription: "a new store in a temporary folder, which `tocsin serve` can show after the demo");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var scenario = Scenario.Builtin("demo-org");
            await using var emulator = await EmulatorHost.StartAsync(scenario, faults: null, port: 0, cancellationToken: cancellationToken, eventPatterns: EventBridgePatterns.Instance);
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
            var plan = new ScanPlan(config.Targets, controls, 8, emulator.Endpoint, null, flags.EvaluationOptions(parse, config), EvidenceScope.Minimal);
            // The emulated management account's key; nothing of the machine's own AWS set-up is read.
            var runner = new ScanRunner(DemoCredentials.Collector(), console, DemoCredentials.For(emulator.Endpoint));
            // Every run of the demo is recorded, by default in a store of its own that outlives the demo for `tocsin serve`.
            using var runs = store.Open(parse, console, () => StoreLocation.Parse(Path.Combine(Directory.CreateTempSubdirectory("tocsin-demo-").FullName, "tocsin.db")));
            RunRecorder Recorder(string kind, ScanPlan scanned) => new(runs, kind, Reports.ReportSource.Live, ScanCommand.Scope(scanned), console);
            var exit = await ScanCommand.RunAsync(parse, flags, config, runner, plan, console, cancellationToken, Recorder(RunKinds.Demo, plan));
            // The loop is told in words; a report in JSON or another format for a program stays the first scan's alone.
            if (exit < ExitCodes.UsageError && !parse.GetValue(reportOnly) && flags.Format(parse, config) == "text")
            {
                exit = await FixAsync(parse, flags, config, runner, plan, controls, emulator, console, Recorder, cancellationToken);
            }

            console.Error.WriteLine(NextSteps(emulator.Endpoint, runs?.Location, console.Width));
            return exit;
        });
        return command;
    }

    /// <summary>
    /// The rest of the loop: for each target, plan, apply and scan again (<c>tocsin remediate --apply --yes</c>), with
    /// new subscriptions sent to the demo's security mailbox; then the recipient confirms (in the emulator, the demo
    /// clicks the link for them), and a last scan shows the report once more.
    /// </summary>
    private static async Task<int> FixAsync(ParseResult parse, ReportFlags flags, ScanConfig config, ScanRunner runner, ScanPlan plan, IReadOnlyList<Control> controls, EmulatorHost emulator, CliConsole console, Func<string, ScanPlan, RunRecorder> recorder, CancellationToken cancellationToken)
    {
        var notify = new NotifyEndpoint("email", DemoRecipient);
        using var output = new WrappingWriter(console.Out, console.Width);
        foreach (var target in config.Targets)
        {
            output.WriteLine();
            output.WriteLine(WrappedText.Wrap($"Fixing {target.Name}: plan, apply and scan again, as `tocsin remediate --apply --yes --notify email:{DemoRecipient}` does.", console.Width));
            var targetPlan = plan with { Targets = [target] };
            var applied = recorder(RunKinds.Remediate, targetPlan);
            PlanApplication? application = null;
            application = new PlanApplication(console, runner,
                inventory => flags.Evaluate(parse, inventory, config),
                inventory => new Planner(flags.EvaluationOptions(parse, config), new PlanOptions(notify)).Plan(inventory, flags.Evaluate(parse, inventory, config), controls))
            {
                AfterScan = (inventory, after) => applied.Record(after, inventory, [], AppliedSteps.Of(application!.Applied)),
            };
            if (await application.RunAsync(targetPlan, yes: true, force: false, cancellationToken) >= ExitCodes.UsageError)
            {
                return ExitCodes.ToolFailure;
            }
        }

        var pending = emulator.Control.PendingSubscriptions();
        if (pending.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(WrappedText.Wrap($"SNS asked {string.Join(", ", pending.Select(p => p.Endpoint).Distinct(StringComparer.Ordinal))} to confirm {pending.Count} subscription{(pending.Count == 1 ? "" : "s")}; in the emulator the demo clicks the link for the recipient:", console.Width));
            foreach (var subscription in pending)
            {
                emulator.Control.Confirm(subscription.SubscriptionArn);
                output.WriteLine($"  confirmed {subscription.Endpoint} on topic {subscription.TopicArn.Split(':')[^1]}");
            }
        }

        output.WriteLine();
        output.WriteLine("The organization scanned again:");
        output.Flush();
        return await ScanCommand.RunAsync(parse, flags, config, runner, plan, console, cancellationToken, recorder(RunKinds.Demo, plan));
    }

    /// <summary>
    /// What to try next, laid out in <paramref name="width"/> columns. Each command is a line (or a few joined by
    /// <c>\</c>) of at most 80 columns that pastes into a shell as it is; the prose wraps.
    /// </summary>
    private static string NextSteps(Uri endpoint, StoreLocation? store, int width)
    {
        var storeFlag = store is null ? null : $"--store {ShellWords(store.Display)}";
        (string[] Command, string Why)[] recorded = store is null ? [] :
        [
            ([$"tocsin serve {storeFlag}"],
                "the dashboard of this demo's runs on http://127.0.0.1:8080: every account and control, the trend, each chain and its fix, what the fix changed"),
            ([$"tocsin diff {storeFlag}"],
                "what the fix changed, between the first scan and the last"),
        ];
        (string[] Command, string Why)[] steps =
        [
            .. recorded,
            ([$"tocsin demo --controls {SeedControl},root-account-usage"],
                "the same organization against the root-usage control too, which account 555555555555's tuned pattern leans on"),
            ([$"tocsin pattern verdict --control {SeedControl} \\", """  '{ $.eventName = "ConsoleLogin" || $.additionalEventData.MFAUsed != "Yes" }'"""],
                "why account 888888888888's pattern alerts on every sign-in, MFA or not"),
            (["tocsin demo --accept eventbridge --report-only"],
                "account 121212121212 alerts through an EventBridge rule in every region, not a metric filter: accept that evidence and it passes, saying which chain did"),
            (["tocsin demo --mode literal"],
                "the same organization judged by the regex the common checkers use: see which verdicts flip"),
            (["tocsin emulator --scenario demo-org --port 4566"],
                "keep the organization running, then scan it yourself in another shell, with its management account's key:"),
            ([$"tocsin scan {DemoCredentials.Flag} --endpoint-url http://127.0.0.1:4566 \\", $"  --org --role-name {OrganizationRole} --snapshot-out demo.json"],
                "reads the organization as `tocsin demo` did and saves what it read"),
            (["tocsin evaluate demo.json --format json"],
                "judges the saved organization again, without reading it"),
            (["tocsin remediate --snapshot demo.json --format terraform"],
                "the fix for the saved organization as Terraform (or cli, cloudformation, stackset, conformance-pack, scp, json)"),
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

    /// <summary>A path as one shell word: quoted when it holds anything but the characters every shell leaves alone.</summary>
    private static string ShellWords(string path) =>
        path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or ':' or '+' or '@' or '=' or ',') ? path : $"'{path.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
