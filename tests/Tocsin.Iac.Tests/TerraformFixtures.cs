using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Iac.Terraform;
using Tocsin.Tests;

namespace Tocsin.Iac.Tests;

/// <summary>The configurations of tests/fixtures/iac/terraform, read as the repository holds them.</summary>
internal static class TerraformFixtures
{
    public const string Control = "console-signin-without-mfa";

    public static string Folder(string name) => Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "iac", "terraform", name);

    public static IReadOnlyList<string> Names { get; } =
        [.. Directory.GetDirectories(Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "iac", "terraform")).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>Every file of the fixture, paths relative to its folder with '/' separators.</summary>
    public static IReadOnlyList<(string Path, string Text)> Files(string name)
    {
        var folder = Folder(name);
        return [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}.terraform", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetRelativePath(folder, path).Replace('\\', '/'), File.ReadAllText(path)))];
    }

    public static IacSettings SettingsFor(string name) => name is "remediate-no-trail" or "remediate-eventbridge" ? new IacSettings("111111111111") : new IacSettings();

    public static IacRead Read(string name) => TerraformReader.Read(Files(name), SettingsFor(name));

    public static Finding Evaluate(string name) => Evaluate(Read(name), SettingsFor(name));

    public static Finding Evaluate(IacRead read, IacSettings settings)
    {
        var control = ControlCatalog.Default.All.Single(c => c.Id == Control);
        var result = new ChainEvaluator(EvaluationOptions.Default).Evaluate(IacInventory.Of(settings, read), [control]);
        return result.Findings.ShouldHaveSingleItem();
    }
}
