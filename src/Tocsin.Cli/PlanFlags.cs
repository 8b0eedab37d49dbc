using System.CommandLine;
using Tocsin.Cli.Configuration;
using Tocsin.Cli.Scanning;
using Tocsin.Core.Inventory;
using Tocsin.Core.Inventory.Snapshots;
using Tocsin.Remediation.Planning;
using Tocsin.Remediation.Plans;
using Tocsin.Remediation.Rendering;

namespace Tocsin.Cli;

/// <summary>The flags of <c>remediate</c> beyond what to scan: the snapshot, the plan's choices, the format and output.</summary>
internal sealed class PlanFlags
{
    private readonly Option<string?> _snapshot = new("--snapshot") { Description = "Plan offline from a saved inventory (`tocsin scan --snapshot-out`) instead of scanning." };
    private readonly Option<string> _format = new("--format") { Description = $"Plan format: {string.Join(", ", PlanRenderers.Formats)}.", DefaultValueFactory = _ => "text" };
    private readonly Option<string?> _output = new("--output") { Description = "Write the plan to this file instead of standard output." };
    private readonly Option<string?> _notify = new("--notify") { Description = "Who a new alarm topic notifies: email:ADDRESS, https:URL, sqs:QUEUE-ARN or lambda:FUNCTION-ARN." };
    private readonly Option<string?> _topicArn = new("--topic-arn") { Description = "Send every alarm to this SNS topic instead of reusing or creating one per region." };
    private readonly Option<string?> _namespace = new("--namespace") { Description = "Metric namespace for new filters and alarms (default CISBenchmark)." };
    private readonly Option<string?> _variant = new("--variant") { Description = "Deploy this accepted variant instead of the reference pattern (e.g. cis-strict); the plan warns what it stops alerting on." };
    private readonly Option<string> _via = new("--via") { Description = "The chain to build: metric-filter (what CIS asks for, the default) or eventbridge (a rule on each region's default bus sending the control's events to a topic).", DefaultValueFactory = _ => "metric-filter" };
    private readonly Option<string?> _adminRoleArn = new("--admin-role-arn") { Description = "For --format scp: the role that may still change the chain." };

    public PlanFlags()
    {
        _format.AcceptOnlyFromAmong([.. PlanRenderers.Formats]);
        _via.AcceptOnlyFromAmong("metric-filter", "eventbridge");
    }

    public void AddTo(Command command)
    {
        command.Options.Add(_format);
        command.Options.Add(_output);
        command.Options.Add(_via);
        AddChoicesTo(command);
    }

    /// <summary>The chain <c>--via</c> asks for; the metric-filter chain where the command has no such flag (rollout).</summary>
    public PlanVia Via(ParseResult parse) =>
        parse.CommandResult.Command.Options.Contains(_via) && parse.GetValue(_via) == "eventbridge" ? PlanVia.EventBridge : PlanVia.MetricFilter;

    /// <summary>The snapshot and the plan's choices, without format and output (for <c>rollout</c>, which writes its own files).</summary>
    public void AddChoicesTo(Command command)
    {
        foreach (var option in new Option[] { _snapshot, _notify, _topicArn, _namespace, _variant, _adminRoleArn })
        {
            command.Options.Add(option);
        }
    }

    public bool FromSnapshot(ParseResult parse) => parse.GetValue(_snapshot) is not null;

    /// <summary>The saved inventory, or a fresh scan; null when no target could be read (the scan said why).</summary>
    public async Task<CloudInventory?> InventoryAsync(ParseResult parse, ScanFlags scan, ScanConfig? config, IReadOnlyList<Core.Controls.Control> controls, Core.Evaluation.EvaluationOptions judging, CliConsole console, CancellationToken cancellationToken)
    {
        if (parse.GetValue(_snapshot) is { } path)
        {
            if (scan.AnyGiven(parse))
            {
                throw new UsageException("--snapshot plans from a saved inventory: give it without --profile, --org, --region, --endpoint-url or --config");
            }

            try
            {
                return Snapshot.Parse(CliOptions.ReadFile(path), path);
            }
            catch (SnapshotException invalid)
            {
                throw new UsageException(invalid.Message);
            }
        }

        var scanPlan = scan.Plan(parse, config, controls, judging) with { ReadEventRules = Via(parse) == PlanVia.EventBridge };
        var outcome = await scan.Runner(parse, scanPlan, console).RunAsync(scanPlan, cancellationToken);
        return outcome.FailedTargets.Count == scanPlan.Targets.Count ? null : outcome.Inventory;
    }

    public RemediationPlan Build(ParseResult parse, ReportFlags judging, ScanConfig? config, CloudInventory inventory, IReadOnlyList<Core.Controls.Control> controls)
    {
        var options = Options(parse);
        var findings = judging.Evaluate(parse, inventory, config);
        try
        {
            return new Planner(judging.EvaluationOptions(parse, config), options).Plan(inventory, findings, controls);
        }
        catch (UnknownVariantException unknown)
        {
            throw new UsageException($"--variant: {unknown.Message}");
        }
    }

    public PlanOptions Options(ParseResult parse)
    {
        NotifyEndpoint? notify = null;
        if (parse.GetValue(_notify) is { } text && NotifyEndpoint.Parse(text, out var problem) is var parsed)
        {
            notify = parsed ?? throw new UsageException($"--notify: {problem}");
        }

        var topicArn = parse.GetValue(_topicArn);
        if (topicArn is not null && topicArn.Split(':') is not ["arn", _, "sns", _, _, _])
        {
            throw new UsageException($"--topic-arn: `{topicArn}` is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)");
        }

        var ns = parse.GetValue(_namespace);
        if (ns is not null && (ns.Length is 0 or > 255 || ns.StartsWith("AWS/", StringComparison.Ordinal)))
        {
            throw new UsageException($"--namespace: `{ns}` is not a custom metric namespace (1-255 characters, not starting with AWS/)");
        }

        var via = Via(parse);
        if (via == PlanVia.EventBridge && (ns is not null || parse.GetValue(_variant) is not null))
        {
            throw new UsageException("--namespace and --variant shape the metric filter and alarm; --via eventbridge deploys neither");
        }

        return new PlanOptions(notify, topicArn, ns, parse.GetValue(_variant), via);
    }

    public RenderOptions RenderOptions(ParseResult parse) => new(parse.GetValue(_adminRoleArn));

    public void Write(ParseResult parse, RemediationPlan plan, CliConsole console)
    {
        var renderer = PlanRenderers.Find(parse.GetValue(_format)!)!;
        var options = new RenderOptions(parse.GetValue(_adminRoleArn));
        if (parse.GetValue(_output) is not { } output)
        {
            // Written whole before anything reaches the console, so a format that cannot be written prints nothing.
            using var text = new StringWriter();
            Render(renderer, plan, options, text);
            if (renderer.Format == "text")
            {
                // Words are read on a terminal or in a CI log: laid out like the report. Scripts and templates are not wrapped.
                using var wrapped = new WrappingWriter(console.Out, console.Width);
                wrapped.Write(text.ToString());
                wrapped.WriteLine();
                return;
            }

            console.Out.Write(text.ToString());
            console.Out.WriteLine();
            return;
        }

        try
        {
            using var text = new StringWriter();
            Render(renderer, plan, options, text);
            using var file = new StreamWriter(output);
            file.Write(text.ToString());
            file.WriteLine();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{output}: cannot write the plan: {error.Message}");
        }
    }

    private static void Render(IPlanRenderer renderer, RemediationPlan plan, RenderOptions options, TextWriter output)
    {
        try
        {
            renderer.Write(plan, options, output);
        }
        catch (PlanRenderException cannot)
        {
            throw new UsageException(cannot.Message);
        }
    }
}
