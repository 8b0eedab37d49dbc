using System.CommandLine;
using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Yaml;
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
    private readonly Option<string> _format = CliOptions.Format("text", "json");
    private readonly Option<string?> _output = new("--output") { Description = "Write the report to this file instead of standard output." };
    private readonly Option<string> _failOn = new("--fail-on") { Description = "Exit 1 when a finding is at or above: fail (fail or error), error, never.", DefaultValueFactory = _ => "fail" };

    public ReportFlags()
    {
        _mode.AcceptOnlyFromAmong("semantic", "literal");
        _failOn.AcceptOnlyFromAmong("fail", "error", "never");
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _controls, _exceptions, _mode, _strict, _format, _output, _failOn })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Evaluates the inventory, writes the report, and returns the exit code.</summary>
    public int Report(ParseResult parse, CloudInventory inventory, CliConsole console)
    {
        var controls = Controls(parse.GetValue(_controls));
        var options = new EvaluationOptions(parse.GetValue(_mode) == "literal" ? EvaluationMode.Literal : EvaluationMode.Semantic, parse.GetValue(_strict));
        var result = new ChainEvaluator(options, Exceptions(parse.GetValue(_exceptions))).Evaluate(inventory, controls);
        Write(result, parse.GetValue(_format)!, parse.GetValue(_output), console);
        return ExitCode(result, parse.GetValue(_failOn)!);
    }

    private static IReadOnlyList<Control> Controls(string? list) =>
        list is null
            ? ControlCatalog.Default.All
            : [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ControlArgument.Resolve).Distinct()];

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

    private static void Write(RunResult result, string format, string? output, CliConsole console)
    {
        var terminal = output is null && !Console.IsOutputRedirected && ReferenceEquals(console.Out, Console.Out);
        var writer = ReportWriters.Create(format, terminal, terminal ? Console.WindowWidth : 120)!;
        if (output is null)
        {
            writer.Write(result, console.Out);
            console.Out.WriteLine();
            return;
        }

        try
        {
            using var file = new StreamWriter(output);
            writer.Write(result, file);
            file.WriteLine();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{output}: cannot write the report: {error.Message}");
        }
    }

    private static int ExitCode(RunResult result, string failOn)
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
