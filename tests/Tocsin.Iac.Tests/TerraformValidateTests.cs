using System.Diagnostics;
using Tocsin.Tests;

namespace Tocsin.Iac.Tests;

/// <summary>
/// Every fixture is a configuration real Terraform accepts: <c>terraform init</c> from the local provider mirror
/// (never downloaded) and <c>terraform validate</c>, in a copy of the fixture folder.
/// </summary>
public sealed class TerraformValidateTests
{
    private const string ProviderMirror = TerraformMirror.Folder;

    public static TheoryData<string> Fixtures => [.. TerraformFixtures.Names];

    [SkippableTheory]
    [MemberData(nameof(Fixtures))]
    public void Every_fixture_is_a_configuration_terraform_validates(string fixture)
    {
        var terraform = RequiredTool.Terraform(ProviderMirror);
        var work = Directory.CreateTempSubdirectory("tocsin-iac-terraform-");
        try
        {
            var folder = Path.Combine(work.FullName, "configuration");
            Copy(TerraformFixtures.Folder(fixture), folder);
            var cliConfig = TerraformMirror.WriteCliConfig(work.FullName);

            var init = Run(terraform, folder, work.FullName, cliConfig, "init", "-backend=false", "-input=false", "-no-color");
            init.ExitCode.ShouldBe(0, init.Output);
            var validate = Run(terraform, folder, work.FullName, cliConfig, "validate", "-no-color");
            validate.ExitCode.ShouldBe(0, validate.Output);
            validate.Output.ShouldContain("Success! The configuration is valid.");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".tf", StringComparison.Ordinal) || f.EndsWith(".tfvars", StringComparison.Ordinal)))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static (int ExitCode, string Output) Run(string terraform, string folder, string home, string cliConfig, params string[] arguments)
    {
        var start = new ProcessStartInfo(terraform, arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        start.Environment["HOME"] = home;
        start.Environment["TF_CLI_CONFIG_FILE"] = cliConfig;
        start.Environment["TF_IN_AUTOMATION"] = "1";
        start.Environment["CHECKPOINT_DISABLE"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}
