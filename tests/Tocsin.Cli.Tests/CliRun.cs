namespace Tocsin.Cli.Tests;

/// <summary>Runs the <c>tocsin</c> command in-process, as a user would from a shell, and keeps what it printed.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = TocsinCommand.Run(args, output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}
