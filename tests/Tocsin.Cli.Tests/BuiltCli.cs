using System.Diagnostics;

namespace Tocsin.Cli.Tests;

/// <summary>
/// Runs the built <c>tocsin</c> as its own process, the way a shell does, when what is tested depends on where the
/// output goes (a pipe, a terminal) rather than on the command.
/// </summary>
public static class BuiltCli
{
    /// <summary>The dotnet host running the tests, which runs <c>tocsin.dll</c> too.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "tocsin.dll");

    /// <summary>Runs <paramref name="program"/> with standard output and error piped; <c>COLUMNS</c> only as given.</summary>
    /// <param name="environment">Variables to set in the child's environment besides the test's own.</param>
    public static async Task<CliRun> RunAsync(string program, IEnumerable<string> arguments, string? columns = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("COLUMNS");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        if (columns is not null)
        {
            start.Environment["COLUMNS"] = columns;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new CliRun(process.ExitCode, await output, await error);
    }
}
