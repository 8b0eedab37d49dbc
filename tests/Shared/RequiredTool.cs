using System.Diagnostics;
using Xunit;

namespace Tocsin.Tests;

/// <summary>
/// A program (or folder) outside the repository that a test drives: python3 with boto3 or moto, the AWS CLI,
/// terraform and its provider mirror. Outside CI a missing one skips the test with the reason and how to get it on
/// Debian; under <c>CI=true</c> it fails the test, so CI never goes green by skipping. Such a test is a
/// <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>.
/// </summary>
public static class RequiredTool
{
    public static bool InCi => Environment.GetEnvironmentVariable("CI") is { } ci && (ci.Equals("true", StringComparison.OrdinalIgnoreCase) || ci == "1");

    /// <summary>python3 that imports boto3 (Debian's python3-boto3).</summary>
    public static string Boto3()
    {
        PythonModules("apt-get install python3-boto3", "boto3");
        return Find("python3")!;
    }

    /// <summary>python3 that imports boto3 and moto, whose server some tests scan.</summary>
    public static void Moto() =>
        PythonModules("pip install 'moto[server]' boto3 (moto is not in Debian 12's packages; optional outside CI)", "boto3", "moto");

    /// <summary>The AWS CLI (Debian's awscli).</summary>
    public static string AwsCli() => Program("aws", "apt-get install awscli");

    /// <summary>
    /// The folder of an AWS CLI of the given major version on PATH (v1 is pip's awscli, v2 Debian's awscli), so a test
    /// can put it first on a child's PATH and run a script with that version.
    /// </summary>
    public static string AwsCliFolder(int major)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "aws"))
            .Where(File.Exists)
            .FirstOrDefault(aws => VersionOf(aws).StartsWith($"aws-cli/{major}.", StringComparison.Ordinal));
        return found is null
            ? Missing($"no AWS CLI v{major} on PATH", major == 2 ? "apt-get install awscli (Debian's is v2)" : "pip install awscli")
            : Path.GetDirectoryName(found)!;
    }

    private static string VersionOf(string program)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, ["--version"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return output.Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "";
        }
    }

    /// <summary>cfn-lint, which lints the CloudFormation templates remediation writes (Python's package; Debian 12 has none).</summary>
    public static string CfnLint() => Program("cfn-lint", "pip install cfn-lint (not in Debian 12's packages; optional outside CI)");

    /// <summary>terraform, which Debian does not package, and the local mirror of its AWS provider.</summary>
    public static string Terraform(string providerMirror)
    {
        var terraform = Program("terraform", "HashiCorp's terraform release on PATH (not in Debian's packages; optional outside CI)");
        Folder(providerMirror, "the Terraform AWS provider mirror", $"terraform providers mirror {providerMirror} (the hashicorp/aws provider; optional outside CI)");
        return terraform;
    }

    /// <summary>The program's path on PATH, or null.</summary>
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);

    /// <summary>The program's path; when it is not on PATH the test is skipped (failed under CI).</summary>
    public static string Program(string program, string howToGet) =>
        Find(program) ?? Missing($"'{program}' is not on PATH", howToGet);

    /// <summary>A folder the test reads, such as terraform's provider mirror.</summary>
    public static void Folder(string path, string what, string howToGet)
    {
        if (!Directory.Exists(path))
        {
            Missing($"{what} {path} does not exist", howToGet);
        }
    }

    /// <summary>python3 with every one of <paramref name="modules"/> importable.</summary>
    public static void PythonModules(string howToGet, params string[] modules)
    {
        Program("python3", "apt-get install python3");
        if (!HasPythonModules(modules))
        {
            Missing($"python3 cannot import {string.Join(", ", modules)}", howToGet);
        }
    }

    /// <summary>Skips the test with <paramref name="what"/> and how to get it; under CI fails it instead.</summary>
    public static string Missing(string what, string howToGet)
    {
        var message = $"REQUIRED TOOL MISSING: {what}; get it with `{howToGet}`";
        if (InCi)
        {
            Console.Error.WriteLine(message);
            Assert.Fail(message + " (CI=true: a missing tool fails the run)");
        }

        throw new SkipException(message);
    }

    /// <summary>True when python3 is on PATH and imports every one of <paramref name="modules"/>.</summary>
    public static bool HasPythonModules(params string[] modules)
    {
        if (Find("python3") is not { } python)
        {
            return false;
        }

        var start = new ProcessStartInfo(python, ["-c", "import " + string.Join(", ", modules)])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
