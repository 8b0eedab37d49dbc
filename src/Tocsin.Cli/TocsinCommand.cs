using System.CommandLine;

namespace Tocsin.Cli;

/// <summary>The composition root: builds the <c>tocsin</c> command tree and maps failures to exit codes.</summary>
public static class TocsinCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Tocsin proves that every AWS account would raise the CIS CloudTrail metric-filter alarms, and names the broken link where one would not.");
        var console = new CliConsole(output, error);
        foreach (var command in Commands(console))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                error.WriteLine(problem.Message);
            }

            return ExitCodes.UsageError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException usage)
        {
            error.WriteLine(usage.Message);
            return ExitCodes.UsageError;
        }
        catch (Exception unexpected)
        {
            error.WriteLine($"tocsin failed: {unexpected.GetType().Name}: {unexpected.Message}");
            return ExitCodes.ToolFailure;
        }
    }

    private static IEnumerable<Command> Commands(CliConsole console)
    {
        yield return PatternCommand.Create(console);
        yield return DemoCommand.Create(console);
        yield return ScanCommand.Create(console);
        yield return EvaluateCommand.Create(console);
        yield return RemediateCommand.Create(console);
        yield return RolloutCommand.Create(console);
        yield return IacCommand.Create(console);
        yield return BacktestCommand.Create(console);
        yield return History.HistoryCommand.Create(console);
        yield return History.DiffCommand.Create(console);
        yield return History.ReportCommand.Create(console);
        yield return InitCommand.Create(console);
        yield return ControlsCommand.Create(console);
        yield return PermissionsCommand.Create(console);
        yield return EmulatorCommand.Create(console);
        yield return ServeCommand.Create(console);
    }
}
