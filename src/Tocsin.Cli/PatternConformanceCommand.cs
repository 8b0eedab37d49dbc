using System.CommandLine;
using Tocsin.Core.Patterns.Conformance;

namespace Tocsin.Cli;

/// <summary><c>tocsin pattern conformance CASES.jsonl</c>: one line per failing case, then "N passed, N failed".</summary>
internal static class PatternConformanceCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("cases") { Description = "A conformance file: one JSON case per line." };
        var command = new Command("conformance", "Run a conformance file of patterns, events and expected outcomes.") { file };
        command.SetAction(parse => Run(console, parse.GetValue(file)!));
        return command;
    }

    private static int Run(CliConsole console, string path)
    {
        ConformanceReport report;
        try
        {
            using var reader = new StringReader(CliOptions.ReadFile(path));
            report = ConformanceRunner.Run(reader, path);
        }
        catch (ConformanceFileException invalid)
        {
            throw new UsageException(invalid.Message);
        }

        foreach (var failure in report.Failures)
        {
            console.Out.WriteLine($"FAIL {failure}");
        }

        console.Out.WriteLine($"{report.Passed} passed, {report.Failures.Count} failed");
        return report.Failures.Count == 0 ? ExitCodes.Ok : ExitCodes.Findings;
    }
}
