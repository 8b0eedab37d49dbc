using System.ComponentModel;
using System.Diagnostics;

namespace Tocsin.Remediation.Tests;

/// <summary>Runs the real cfn-lint on a template. W2511 (policy version 2008-10-17) is ignored: it is the version of an existing topic's own policy, kept as it is.</summary>
internal static class CloudFormationLint
{
    /// <summary>Lints every template in one cfn-lint run (each run takes seconds to start); the output names the failing files.</summary>
    public static (int ExitCode, string Output) Run(IReadOnlyDictionary<string, string> templates)
    {
        var folder = Directory.CreateTempSubdirectory("tocsin-cfn-lint-");
        try
        {
            var start = new ProcessStartInfo(RequiredTool.CfnLint()) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "--ignore-checks", "W2511", "--" })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var (name, template) in templates)
            {
                var file = Path.Combine(folder.FullName, name + ".yaml");
                File.WriteAllText(file, template);
                start.ArgumentList.Add(file);
            }

            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (Win32Exception missing)
            {
                throw new InvalidOperationException("cfn-lint is not on PATH; install it (pip install cfn-lint) to run the template tests", missing);
            }

            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEnd();
                process.WaitForExit();
                return (process.ExitCode, stdout.Result + stderr);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public static void ShouldPass(string template, string name)
    {
        var (exitCode, output) = Run(new Dictionary<string, string> { [name] = template });
        exitCode.ShouldBe(0, $"cfn-lint on {name}:\n{output}\n--- template ---\n{template}");
    }

    public static void ShouldAllPass(IReadOnlyDictionary<string, string> templates)
    {
        var (exitCode, output) = Run(templates);
        exitCode.ShouldBe(0, $"cfn-lint:\n{output}");
    }
}
