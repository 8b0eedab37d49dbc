namespace Tocsin.Tests;

/// <summary>
/// The local filesystem mirror of the hashicorp/aws provider, and the CLI configuration that makes terraform install
/// the provider from it alone: no test ever downloads one.
/// </summary>
public static class TerraformMirror
{
    public const string Folder = "/opt/tf-plugins";

    /// <summary>Writes <c>cli.tfrc</c> into <paramref name="directory"/> and returns its path, for <c>TF_CLI_CONFIG_FILE</c>.</summary>
    public static string WriteCliConfig(string directory)
    {
        var path = Path.Combine(directory, "cli.tfrc");
        File.WriteAllText(path, $$"""
            provider_installation {
              filesystem_mirror {
                path    = "{{Folder}}"
                include = ["registry.terraform.io/hashicorp/aws"]
              }
              direct {
                exclude = ["registry.terraform.io/hashicorp/aws"]
              }
            }
            """);
        return path;
    }
}
