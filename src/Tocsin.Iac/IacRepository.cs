using System.Text.RegularExpressions;
using Tocsin.Core.Inventory;
using Tocsin.Iac.CloudFormation;
using Tocsin.Iac.Terraform;

namespace Tocsin.Iac;

/// <summary>What a repository's code says, as one inventory, with the files read and the problems met.</summary>
/// <param name="ResourcesRead">The chain's resources the code defines (not counting a trail assumed outside it): none means nothing could be read.</param>
public sealed record IacScan(CloudInventory Inventory, int FilesRead, int ResourcesRead, IReadOnlyList<IacProblem> Problems);

/// <summary>
/// Reads every template and Terraform configuration under the paths as one account: CloudFormation templates (YAML or
/// JSON), Terraform root modules with their tfvars and local modules, and Terraform plan JSON. A trail defined in one
/// file, the filters in a module and the alarm in a template make one chain.
/// </summary>
public static partial class IacRepository
{
    public static IacScan Read(IEnumerable<string> paths, IacSettings settings, string? assumedTrailLogGroup = null)
    {
        var (files, problems) = IacFiles.Collect(paths);
        var all = files.Select(f => (Path: f.Path.Replace('\\', '/'), f.Text)).ToList();
        var plans = all.Where(f => f.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && IsTerraformPlan(f.Text)).ToList();
        var terraform = all.Where(f => f.Path.EndsWith(".tf", StringComparison.Ordinal) || f.Path.EndsWith(".tfvars", StringComparison.Ordinal)).ToList();
        var templates = all.Where(f => !f.Path.EndsWith(".tf", StringComparison.Ordinal) && !f.Path.EndsWith(".tfvars", StringComparison.Ordinal) && !plans.Contains(f)).ToList();

        var read = IacRead.Empty with { Problems = problems };
        read = read.Plus(CloudFormationReader.Read(templates, settings));
        foreach (var root in TerraformRoots(terraform))
        {
            read = read.Plus(TerraformReader.Read(terraform, settings, root));
        }

        foreach (var (path, text) in plans)
        {
            read = read.Plus(TerraformPlanReader.Read(path, text, settings));
        }

        var resources = read.Trails.Count + read.LogGroups.Count + read.MetricFilters.Count + read.Alarms.Count + read.Topics.Count + read.EventRules.Count;
        read = OutsideTrail.Add(read, settings, assumedTrailLogGroup);
        return new IacScan(IacInventory.Of(settings, read), files.Count, resources, read.Problems);
    }

    /// <summary><c>terraform show -json</c> output: a plan, not a template.</summary>
    private static bool IsTerraformPlan(string text) =>
        text.Contains("\"terraform_version\"", StringComparison.Ordinal) && text.Contains("\"planned_values\"", StringComparison.Ordinal);

    /// <summary>The folders holding .tf files that no other folder calls as a local module: each is a root module.</summary>
    private static List<string> TerraformRoots(IReadOnlyList<(string Path, string Text)> files)
    {
        var folders = files.Where(f => f.Path.EndsWith(".tf", StringComparison.Ordinal)).Select(f => FolderOf(f.Path)).Distinct(StringComparer.Ordinal).ToList();
        var called = files
            .Where(f => f.Path.EndsWith(".tf", StringComparison.Ordinal))
            .SelectMany(f => LocalModuleSource().Matches(f.Text).Select(m => Combine(FolderOf(f.Path), m.Groups[1].Value)))
            .ToHashSet(StringComparer.Ordinal);
        return [.. folders.Where(folder => !called.Contains(folder)).Order(StringComparer.Ordinal)];
    }

    private static string FolderOf(string path) => path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";

    /// <summary>A module source relative to the calling folder, normalised (<c>./x</c>, <c>../y</c>).</summary>
    private static string Combine(string folder, string relative)
    {
        var parts = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var part in relative.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    [GeneratedRegex("""source\s*=\s*"(\.\.?/[^"]*)"\s""")]
    private static partial Regex LocalModuleSource();
}
