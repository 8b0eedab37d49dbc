using System.Diagnostics;

namespace Tocsin.Emulator.Tests;

/// <summary>What a client run printed and how it ended.</summary>
public sealed record ToolResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>
/// Runs a real AWS client (python3 + boto3, the aws CLI, terraform) as a subprocess with a clean environment:
/// a temporary HOME, no instance-metadata lookups, the emulator's fake keys. A missing tool skips the test with
/// how to get it, or fails it under CI.
/// </summary>
public sealed class ExternalTool
{
    private static readonly string[] Inherited = ["PATH", "PYENV_ROOT", "PYENV_VERSION", "LANG", "DOTNET_ROOT", "TMPDIR"];

    /// <summary>The tool's path; a missing one skips the test outside CI and fails it under CI (<see cref="RequiredTool"/>).</summary>
    public static string Require(string tool) => tool switch
    {
        "python3" => RequiredTool.Boto3(),
        "aws" => RequiredTool.AwsCli(),
        "terraform" => RequiredTool.Terraform(TerraformTests.ProviderMirror),
        _ => RequiredTool.Program(tool, $"apt-get install {tool}"),
    };

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
