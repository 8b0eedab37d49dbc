using System.Diagnostics;

namespace Tocsin.Remediation.Tests;

/// <summary>What a tool run printed and how it ended.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}

/// <summary>
/// Runs a real tool (bash, aws, terraform) with a clean environment: only PATH and a few basics are inherited, so no
/// AWS setting of the machine reaches it. A missing tool fails the test with a message saying so.
/// </summary>
public static class CliScriptProcess
{
    private static readonly string[] Inherited = ["PATH", "PYENV_ROOT", "PYENV_VERSION", "LANG", "TMPDIR"];

    /// <summary>The tool's path; a missing tool skips the test outside CI and fails it under CI (<see cref="RequiredTool"/>).</summary>
    public static string Require(string tool)
    {
        switch (tool)
        {
            case "aws":
                return RequiredTool.AwsCli();
            case "terraform":
                return RequiredTool.Terraform(TerraformWorkspace.ProviderMirror);
            case "python3":
                RequiredTool.Moto();
                return RequiredTool.Find("python3")!;
            default:
                return RequiredTool.Program(tool, $"apt-get install {tool}");
        }
    }

    public static async Task<ToolRun> RunAsync(string tool, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, string workingDirectory, int timeoutSeconds = 300)
    {
        var start = new ProcessStartInfo(Require(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
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

        return new ToolRun(process.ExitCode, await output, await error);
    }

    /// <summary>The AWS settings of a test account: its keys and region, and no config or credentials file of the machine.</summary>
    public static Dictionary<string, string> AwsEnvironment(string home, string keyId, string secret, string region, Uri endpoint) => new()
    {
        ["HOME"] = home,
        ["AWS_ACCESS_KEY_ID"] = keyId,
        ["AWS_SECRET_ACCESS_KEY"] = secret,
        ["AWS_DEFAULT_REGION"] = region,
        ["AWS_CONFIG_FILE"] = Path.Combine(home, "no-config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, "no-credentials"),
        ["AWS_ENDPOINT_URL"] = endpoint.ToString().TrimEnd('/'),
    };
}
