using System.CommandLine;
using Tocsin.Cli.Configuration;
using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Yaml;
using Tocsin.Remediation.Planning;
using Tocsin.Reports;

namespace Tocsin.Cli;

/// <summary>
/// The flags every command that reports findings shares (<c>evaluate</c>, <c>scan</c>): which controls, how to
/// judge, the exceptions file, the format and where to write it, and the exit-code threshold.
/// </summary>
internal sealed class ReportFlags
{
    private readonly Option<string?> _controls = new("--controls") { Description = "Comma-separated control ids or aliases (default: all)." };
    private readonly Option<string?> _exceptions = new("--exceptions") { Description = "A YAML file of accepted exceptions." };
    private readonly Option<string> _mode = new("--mode") { Description = "semantic (pattern verdicts) or literal (the common checkers' regex).", DefaultValueFactory = _ => "semantic" };
    private readonly Option<bool> _strict = new("--strict") { Description = "Pass only patterns equivalent to a reference or equal to an accepted variant." };
    private readonly Option<string[]> _accept = AcceptFlag.Create();
    private readonly Option<string> _format = new("--format")
    {
        Description = $"Report format, or several separated by commas with --output-dir: {string.Join(", ", ReportWriters.Formats)}.",
        DefaultValueFactory = _ => "text",
    };

    private readonly Option<string?> _output = new("--output") { Description = "Write the report to this file instead of standard output." };
    private readonly Option<string?> _outputDir = new("--output-dir") { Description = "Write the report in every --format to this folder, as tocsin.EXT (tocsin.sarif, tocsin.html, ...)." };
    private readonly Option<string> _failOn = new("--fail-on") { Description = "Exit 1 when a finding is at or above: fail (fail or error), error, never.", DefaultValueFactory = _ => "fail" };

    public ReportFlags()
    {
        _mode.AcceptOnlyFromAmong("semantic", "literal");
        _failOn.AcceptOnlyFromAmong("fail", "error", "never");
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _controls, _exceptions, _mode, _strict, _accept, _format, _output, _outputDir, _failOn })
        {
            command.Options.Add(option);
        }

        // Before any scan runs: several formats with nowhere to put them, or two destinations, waste no API calls.
        command.Validators.Add(result =>
        {
            try
            {
                ReportOutput.Parse(result.GetValue(_format) ?? "text", result.GetValue(_output), result.GetValue(_outputDir));
            }
            catch (UsageException invalid)
            {
                result.AddError(invalid.Message);
            }
        });
    }

    /// <summary>Only the flags that decide how findings are judged (for <c>remediate</c>, which writes a plan, not a report).</summary>
    public void AddJudgingTo(Command command)
    {
        foreach (var option in new Option[] { _controls, _exceptions, _mode, _strict, _accept })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Evaluates the inventory, writes the report, and returns the exit code.</summary>
    /// <param name="config">tocsin.yaml, whose settings apply where no flag was given.</param>
    /// <param name="collection">What reading live AWS cost, for a scan.</param>
    /// <param name="source">What the inventory was read from: the report says so, and code gets no AWS CLI fix.</param>
    /// <param name="refine">Adds what a source knows beyond the findings (the file and lines of code), before the report is written.</param>
    /// <param name="recorder">Records the run in the store once the report is written.</param>
    public int Report(ParseResult parse, CloudInventory inventory, CliConsole console, ReportSource source, ScanConfig? config = null, CollectionSummary? collection = null, Func<RunResult, RunResult>? refine = null, History.RunRecorder? recorder = null)
    {
        var report = config?.Report ?? ReportDefaults.None;
        var output = Output(parse, config);
        var evaluated = Evaluate(parse, inventory, config) with { Collection = collection };
        var result = refine is null ? evaluated : refine(evaluated);
        output.Write(result, Context(parse, inventory, source, console, config), console);
        recorder?.Record(result, inventory, ExceptionsInForce(parse, config));
        return ExitCode(result, Pick(parse, _failOn, report.FailOn)!);
    }

    /// <summary>The entries of the exceptions file the flags or tocsin.yaml name, expired ones included; none without a file.</summary>
    public IReadOnlyList<ExceptionEntry> ExceptionsInForce(ParseResult parse, ScanConfig? config = null) =>
        Exceptions(Pick(parse, _exceptions, config?.Exceptions))?.Entries ?? [];

    /// <summary>The formats and destination the flags and tocsin.yaml choose.</summary>
    public ReportOutput Output(ParseResult parse, ScanConfig? config = null) =>
        ReportOutput.Parse(Format(parse, config), Pick(parse, _output, config?.Report.Output), parse.GetValue(_outputDir));

    /// <summary>
    /// The report's context: stamped now, laid out for the console, and able to plan each failing finding's fix on the
    /// same inventory (for the formats that show it); code is fixed by editing it, so its fix is the steps in words.
    /// </summary>
    public ReportContext Context(ParseResult parse, CloudInventory inventory, ReportSource source, CliConsole console, ScanConfig? config = null) =>
        ReportContext.Now(source) with
        {
            Width = console.Width,
            Remedies = Remedies(inventory, EvaluationOptions(parse, config), source),
        };

    /// <summary>Each failing finding's fix, planned on the inventory once however many formats of the run show it; code gets the steps in words only.</summary>
    public static Func<Finding, Remedy?> Remedies(CloudInventory inventory, EvaluationOptions options, ReportSource source)
    {
        var remedies = new FindingRemedies(inventory, options);
        var planned = new System.Collections.Concurrent.ConcurrentDictionary<Finding, Remedy?>(ReferenceEqualityComparer.Instance);
        return finding => planned.GetOrAdd(finding, _ => remedies.For(finding) is { } remedy
            ? new Remedy(remedy.Steps, source == ReportSource.InfrastructureCode ? "" : string.Join('\n', remedy.Commands))
            : null);
    }

    /// <summary>The findings of the chosen controls over the inventory, judged as the flags and tocsin.yaml say, exceptions applied.</summary>
    public RunResult Evaluate(ParseResult parse, CloudInventory inventory, ScanConfig? config = null) =>
        new ChainEvaluator(EvaluationOptions(parse, config), Exceptions(Pick(parse, _exceptions, config?.Exceptions))).Evaluate(inventory, Controls(parse, config));

    public EvaluationOptions EvaluationOptions(ParseResult parse, ScanConfig? config = null)
    {
        var report = config?.Report ?? ReportDefaults.None;
        return new EvaluationOptions(
            Pick(parse, _mode, report.Mode) == "literal" ? EvaluationMode.Literal : EvaluationMode.Semantic,
            Explicit(parse, _strict) ? parse.GetValue(_strict) : report.Strict ?? false)
        {
            AcceptEventBridge = AcceptFlag.EventBridge(Explicit(parse, _accept) ? parse.GetValue(_accept) : config?.Accept),
        };
    }

    /// <summary>The controls to evaluate: the flag, else tocsin.yaml, else all of them.</summary>
    public IReadOnlyList<Control> Controls(ParseResult parse, ScanConfig? config = null)
    {
        var names = parse.GetValue(_controls)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? config?.Controls;
        return names is null ? ControlCatalog.Default.All : [.. names.Select(ControlArgument.Resolve).Distinct()];
    }

    /// <summary>The report format the flags and tocsin.yaml choose.</summary>
    public string Format(ParseResult parse, ScanConfig? config = null) => Pick(parse, _format, config?.Report.Format)!;

    public bool HasControls(ParseResult parse) => parse.GetValue(_controls) is not null;

    private static bool Explicit(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>A flag the user gave wins over tocsin.yaml, which wins over the flag's default.</summary>
    private static string? Pick(ParseResult parse, Option option, string? fromConfig)
    {
        var given = parse.GetResult(option);
        return given is { Implicit: false } ? given.GetValueOrDefault<string?>() : fromConfig ?? given?.GetValueOrDefault<string?>();
    }

    private static ExceptionList? Exceptions(string? path)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            using var reader = new StringReader(CliOptions.ReadFile(path));
            return new ExceptionList(ExceptionFile.Parse(reader, path, name => ControlCatalog.Default.Find(name) is not null), TimeProvider.System);
        }
        catch (YamlFileException invalid)
        {
            throw new UsageException(invalid.Message);
        }
    }

    /// <summary>1 when an unsuppressed finding is at or above <paramref name="failOn"/> (fail, error, never), else 0.</summary>
    public static int ExitCode(RunResult result, string failOn)
    {
        var open = result.Findings.Where(f => !f.Suppressed).ToList();
        var over = failOn switch
        {
            "fail" => open.Any(f => f.Outcome is Outcome.Fail or Outcome.Error),
            "error" => open.Any(f => f.Outcome == Outcome.Error),
            _ => false,
        };
        return over ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
