using System.Diagnostics;

namespace Tocsin.Emulator.Tests;

/// <summary>What a client run printed and how it ended.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>
/// Runs a real AWS client (python3 + boto3, the aws CLI, terraform) as a subprocess with a clean environment:
/// a temporary HOME, no instance-metadata lookups, the emulator's fake keys. A missing tool fails the test
/// with a message saying so.
/// </summary>
public sealed class ExternalTool
{
    private static readonly string[] Inherited = ["PATH", "PYENV_ROOT", "PYENV_VERSION", "LANG", "DOTNET_ROOT", "TMPDIR"];

    public static string Require(string tool)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
        if (found is null)
        {
            var message = $"REQUIRED TOOL MISSING: '{tool}' is not on PATH; this test drives the emulator with it and cannot run without it.";
            Console.Error.WriteLine(message);
            Assert.Fail(message);
        }

        return found!;
    }

    public static async Task<ToolResult> RunAsync(string tool, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null, string? stdin = null, int timeoutSeconds = 180)
    {
        var start = new ProcessStartInfo(Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var name in Inherited)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }

        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} did not finish within {timeoutSeconds} s.");
        }

        return new ToolResult(process.ExitCode, await output, await error);
    }
}
