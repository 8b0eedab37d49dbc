using System.CommandLine;
using Tocsin.Aws.Collection;
using Tocsin.Cli.Applying;
using Tocsin.Cli.Scanning;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Yaml;
using Tocsin.Remediation.Apply;
using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rendering;
using Tocsin.Remediation.Rollout;

namespace Tocsin.Cli;

/// <summary>
/// <c>tocsin rollout</c>: the control's "contain, remediate, validate". Service-wide first (the StackSet, conformance
/// pack and SCP for the organization, written as files to deploy), then the affected accounts in priority order,
/// batch by batch, scanning again after each; then a closing report of what was fixed, what still fails, and the
/// exceptions that cover the rest.
/// </summary>
internal static class RolloutCommand
{
    public static Command Create(CliConsole console)
    {
        var scan = new ScanFlags();
        var judging = new ReportFlags();
        var plan = new PlanFlags();
        var apply = new ApplyFlags();
        var priority = new Option<string?>("--priority") { Description = "A YAML file ranking accounts (accounts: [{account, priority, label}]); lower priority goes first." };
        var priorityTag = new Option<string?>("--priority-tag") { Description = "Rank the organization's accounts by this account tag (a number, lower first; else by its text, after numbers)." };
        var batch = new Option<int>("--batch") { Description = "Accounts mended per batch before scanning again (default 5).", DefaultValueFactory = _ => 5 };
        var outDir = new Option<string>("--out-dir") { Description = "Where the service-wide files are written (default tocsin-rollout).", DefaultValueFactory = _ => "tocsin-rollout" };
        var command = new Command("rollout", "Contain service-wide, then remediate the affected accounts in priority order, scanning again after each batch, and report.")
        {
            priority, priorityTag, batch, outDir,
        };
        scan.AddTo(command);
        judging.AddJudgingTo(command);
        plan.AddChoicesTo(command);
        apply.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var config = scan.LoadConfig(parse);
            var controls = judging.Controls(parse, config);
            var applying = apply.Applying(parse, plan.FromSnapshot(parse)) && apply.Yes(parse);
            var size = parse.GetValue(batch);
            if (size < 1)
            {
                throw new UsageException($"--batch: {size} is not a number of accounts (1 or more)");
            }

            if (parse.GetValue(priority) is not null && parse.GetValue(priorityTag) is not null)
            {
                throw new UsageException("--priority and --priority-tag are two rankings: give one");
            }

            if (parse.GetValue(priorityTag) is not null && plan.FromSnapshot(parse))
            {
                throw new UsageException("--priority-tag reads the organization's account tags: give it without --snapshot");
            }

            var priorities = LoadPriorities(parse.GetValue(priority));
            var inventory = await plan.InventoryAsync(parse, scan, config, controls, judging.EvaluationOptions(parse, config), console, cancellationToken);
            if (inventory is null)
            {
                return ExitCodes.UsageError;
            }

            var rollout = new Rollout(console, judging, plan, parse, config, controls);
            var scanPlan = plan.FromSnapshot(parse) ? null : scan.Plan(parse, config, controls, judging.EvaluationOptions(parse, config));
            var runner = scanPlan is null ? null : scan.Runner(parse, scanPlan, console);
            if (applying && scanPlan!.Targets.Count != 1)
            {
                throw new UsageException($"--apply changes one target at a time; the configuration names {scanPlan.Targets.Count}: choose one with the scan flags");
            }
            if (parse.GetValue(priorityTag) is { } tag)
            {
                priorities = await TagPrioritiesAsync(tag, inventory, scanPlan!, runner!, cancellationToken);
            }
            return await rollout.RunAsync(inventory, priorities, size, parse.GetValue(outDir)!, applying ? (scanPlan!, runner!, apply.Force(parse)) : null, cancellationToken);
        });
        return command;
    }

    /// <summary>The value of <paramref name="tag"/> on each account of the organization, read from its management account.</summary>
    private static async Task<AccountPriorities> TagPrioritiesAsync(string tag, CloudInventory inventory, ScanPlan scanPlan, ScanRunner runner, CancellationToken cancellationToken)
    {
        if (inventory.Organization is null)
        {
            throw new UsageException("--priority-tag reads account tags from AWS Organizations: scan the organization (--org --role-name ...)");
        }

        using var sessions = await AccountSessions.OpenAsync(runner.RequestFor(scanPlan, scanPlan.Targets[0]), runner.CollectorOptions, cancellationToken);
        var organizations = new Aws.Clients.OrganizationsClient(sessions.For(sessions.CallerAccountId));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var account in inventory.Accounts)
        {
            try
            {
                var tags = await organizations.ListTagsForResourceAsync(sessions.Region, account.Id, cancellationToken);
                if (tags.TryGetValue(tag, out var value))
                {
                    values[account.Id] = value;
                }
            }
            catch (Aws.Http.AwsServiceException problem)
            {
                throw new UsageException($"--priority-tag: cannot read the tags of account {account.Id}: {problem.Message}");
            }
        }

        return AccountPriorities.FromTags(values);
    }

    private static AccountPriorities LoadPriorities(string? path)
    {
        if (path is null)
        {
            return AccountPriorities.None;
        }

        try
        {
            using var reader = new StringReader(CliOptions.ReadFile(path));
            return AccountPriorities.Parse(reader, path);
        }
        catch (YamlFileException invalid)
        {
            throw new UsageException(invalid.Message);
        }
    }

    /// <summary>One rollout: the phases in order, with what each printed.</summary>
    private sealed class Rollout(CliConsole console, ReportFlags judging, PlanFlags plan, ParseResult parse, Configuration.ScanConfig? config, IReadOnlyList<Core.Controls.Control> controls)
    {
        private TextWriter Out { get; } = new WrappingWriter(console.Out, console.Width);

        public async Task<int> RunAsync(CloudInventory inventory, AccountPriorities priorities, int batchSize, string outDir, (ScanPlan Scan, ScanRunner Runner, bool Force)? applying, CancellationToken cancellationToken)
        {
            var before = judging.Evaluate(parse, inventory, config);
            var remediation = plan.Build(parse, judging, config, inventory, controls);

            Out.WriteLine("1. Contain, service-wide");
            ServiceWide(remediation, outDir);

            Out.WriteLine();
            Out.WriteLine("2. Remediate the affected accounts, highest priority first");
            var batches = RolloutBatches.Of(remediation, before, priorities, batchSize);
            if (batches.Count == 0)
            {
                Out.WriteLine("   No account needs a change.");
            }

            using var sessions = applying is { } opening ? await AccountSessions.OpenAsync(opening.Runner.RequestFor(opening.Scan, opening.Scan.Targets[0]), opening.Runner.CollectorOptions, cancellationToken) : null;
            foreach (var next in batches)
            {
                Out.WriteLine($"   Batch {next.Number}: {string.Join(", ", next.Accounts.Select(a => priorities.LabelOf(a) is { } label ? $"{a} ({label})" : a))}");
                if (applying is not { } live || sessions is null)
                {
                    foreach (var step in next.Steps)
                    {
                        Out.WriteLine($"     {step.AccountId} {step.Region}: {step.Describe()} [{step.ReasonCodeText}]");
                    }

                    continue;
                }

                // Each batch is planned from the latest scan: what earlier batches changed (an organization trail) is seen.
                var current = plan.Build(parse, judging, config, inventory, controls);
                var steps = current.Steps.Where(step => next.Accounts.Contains(step.AccountId, StringComparer.Ordinal)).ToList();
                var report = await new Applier(sessions.For, new ApplyOptions(live.Force)).ApplyAsync(current with { Steps = steps }, inventory, cancellationToken);
                ApplyText.Report(report, Out);
                var rescanned = await live.Runner.RunAsync(live.Scan with { SnapshotOut = null }, cancellationToken);
                if (rescanned.FailedTargets.Count > 0)
                {
                    return ExitCodes.ToolFailure;
                }

                inventory = rescanned.Inventory;
                var fixes = current.Fixes.Where(fix => next.Accounts.Contains(fix.AccountId, StringComparer.Ordinal)
                    || before.Findings.Any(f => f.AccountId == fix.AccountId && f.InheritedFrom is { } owner && next.Accounts.Contains(owner, StringComparer.Ordinal))).ToList();
                ApplyText.Outcomes(fixes, judging.Evaluate(parse, inventory, config), Out);
                if (report.Failed)
                {
                    Out.WriteLine("   Stopped: a step failed; the remaining batches were not started.");
                    break;
                }
            }

            Out.WriteLine();
            Out.WriteLine(applying is null ? "3. Validate (nothing was applied: this is the rollout as it would run; add --apply --yes)" : "3. Validate");
            var after = applying is null ? before : judging.Evaluate(parse, inventory, config);
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            RolloutSummary.Of(before, after, today).Write(Out, today);
            Out.Flush();
            return applying is not null && after.Findings.Any(f => !f.Suppressed && f.Outcome != Outcome.Pass && !RolloutSummary.AwaitsConfirmation(f))
                ? ExitCodes.Findings
                : ExitCodes.Ok;
        }

        /// <summary>The StackSet, the conformance pack and (with <c>--admin-role-arn</c>) the SCP, written to files with how to deploy each.</summary>
        private void ServiceWide(RemediationPlan remediation, string outDir)
        {
            try
            {
                Directory.CreateDirectory(outDir);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                throw new UsageException($"--out-dir {outDir}: cannot create the folder: {error.Message}");
            }

            var options = plan.RenderOptions(parse);
            foreach (var (format, file, what) in new[]
            {
                ("stackset", "stackset.yaml", "the alarm chain for every member account, deployed service-managed to the organization (commands at the end of the file)"),
                ("conformance-pack", "conformance-pack.yaml", "AWS Config rules that detect a trail or alarm going missing across the organization (command at the top)"),
                ("scp", "scp.json", "a service control policy that stops anyone but the admin role deleting or weakening the chain"),
            })
            {
                if (format == "scp" && options.AdminRoleArn is null)
                {
                    Out.WriteLine($"   {Path.Combine(outDir, file)}: not written; give --admin-role-arn, the role that may still change the chain");
                    continue;
                }

                var path = Path.Combine(outDir, file);
                var text = new StringWriter();
                try
                {
                    PlanRenderers.Find(format)!.Write(remediation, options, text);
                    File.WriteAllText(path, text.ToString() + Environment.NewLine);
                }
                catch (PlanRenderException cannot)
                {
                    throw new UsageException(cannot.Message);
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    throw new UsageException($"{path}: cannot write: {error.Message}");
                }

                Out.WriteLine($"   {path}: {what}");
            }
        }
    }
}
