namespace Tocsin.Remediation.Tests;

/// <summary>
/// A temporary Terraform working directory whose AWS provider comes from the machine's local mirror (never downloaded).
/// The rendered configuration is main.tf; a test points the providers at an emulator with a providers_override.tf.
/// </summary>
public sealed class TerraformWorkspace : IDisposable
{
    public const string ProviderMirror = TerraformMirror.Folder;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("tocsin-terraform-render-");
    private readonly Dictionary<string, string> _environment;

    public TerraformWorkspace(string configuration)
    {
        RequiredTool.Terraform(ProviderMirror);
        File.WriteAllText(Path.Combine(_directory.FullName, "main.tf"), configuration);
        var cliConfig = TerraformMirror.WriteCliConfig(_directory.FullName);
        _environment = new()
        {
            ["HOME"] = _directory.FullName,
            ["TF_CLI_CONFIG_FILE"] = cliConfig,
            ["TF_IN_AUTOMATION"] = "1",
            ["CHECKPOINT_DISABLE"] = "1",
        };
    }

    public string WorkingDirectory => _directory.FullName;

    /// <summary>Every provider alias of the configuration sent to <paramref name="endpoint"/> with the given keys.</summary>
    public void PointProvidersAt(Uri endpoint, string keyId, string secret, IEnumerable<string> aliases)
    {
        var url = endpoint.ToString().TrimEnd('/');
        var blocks = aliases.Select(alias => $$"""
            provider "aws" {
              alias                       = "{{alias}}"
              access_key                  = "{{keyId}}"
              secret_key                  = "{{secret}}"
              skip_credentials_validation = true
              skip_metadata_api_check     = true
              skip_region_validation      = true
              s3_use_path_style           = true
              endpoints {
                cloudtrail     = "{{url}}"
                cloudwatch     = "{{url}}"
                cloudwatchlogs = "{{url}}"
                iam            = "{{url}}"
                kms            = "{{url}}"
                s3             = "{{url}}"
                sns            = "{{url}}"
                sts            = "{{url}}"
              }
            }
            """);
        File.WriteAllText(Path.Combine(_directory.FullName, "providers_override.tf"), string.Join("\n", blocks));
    }

    public async Task<ToolRun> RunAsync(params string[] arguments)
    {
        var run = await CliScriptProcess.RunAsync("terraform", [.. arguments, "-no-color"], _environment, _directory.FullName);
        return run;
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
