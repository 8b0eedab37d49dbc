namespace Tocsin.Iac.Terraform;

/// <summary>
/// Reads one Terraform root module (the <c>.tf</c> files of a folder, <c>terraform.tfvars</c> and <c>*.auto.tfvars</c>)
/// and the local modules it calls into the chain's resources. Only files Terraform itself loads are read: other
/// <c>*.tfvars</c> apply only when named with <c>-var-file</c>.
/// </summary>
public static class TerraformReader
{
    /// <param name="files">The repository's files, paths relative to its root with '/' separators; modules are found among them.</param>
    /// <param name="settings">The account and region the module is deployed to.</param>
    /// <param name="rootFolder">The root module's folder among <paramref name="files"/>; "" for the repository root.</param>
    public static IacRead Read(IReadOnlyList<(string Path, string Text)> files, IacSettings settings, string rootFolder = "")
    {
        var normalized = files.Select(f => (Path: RepositoryPaths.Normalize(f.Path), f.Text)).ToList();
        var folder = rootFolder.Trim('/');
        var (inputs, problems) = VariableFiles.Read(normalized, folder);
        var root = new ModuleScope(TerraformModule.Load(folder, normalized), inputs, normalized, settings);
        var resources = root.AllResources().ToList();
        return ChainRecords.Of(resources, settings, [.. problems, .. root.AllProblems()]);
    }
}

/// <summary>Resource instances, however they were read (configuration or plan), as the chain's records.</summary>
internal static class ChainRecords
{
    public static IacRead Of(IReadOnlyList<ResourceInstance> resources, IacSettings settings, IReadOnlyList<IacProblem> problems)
    {
        var alarms = resources.Where(r => r.Type == "aws_cloudwatch_metric_alarm").Select(r => MetricRecords.Alarm(r, settings)).ToList();
        return new IacRead(
            [.. resources.Where(r => r.Type == "aws_cloudtrail").Select(r => TrailRecords.Trail(r, settings))],
            [.. resources.Where(r => r.Type == "aws_cloudwatch_log_group").Select(r => TrailRecords.LogGroup(r, settings))],
            [.. resources.Where(r => r.Type == "aws_cloudwatch_log_metric_filter").Select(MetricRecords.Filter)],
            alarms,
            TopicRecords.Topics(resources, alarms, settings),
            [.. problems, .. UnplacedFilters(resources)])
        {
            EventRules = EventRuleRecords.Rules(resources, settings),
        };
    }

    /// <summary>
    /// A filter whose log group is not known before apply cannot be matched to a trail's log group; the inventory
    /// holds a log group name per filter, so it is said here rather than guessed.
    /// </summary>
    private static IEnumerable<IacProblem> UnplacedFilters(IReadOnlyList<ResourceInstance> resources) =>
        resources.Where(r => r.Type == "aws_cloudwatch_log_metric_filter")
            .Select(r => (Resource: r, Group: r.Get("log_group_name")))
            .Where(f => f.Group is not HclString)
            .Select(f => new IacProblem(f.Resource.File, f.Resource.SourceOf("log_group_name").Line ?? 1, 1,
                $"{f.Resource.Address}.log_group_name is not known before apply ({HclEvaluator.Describe(f.Group)}): the filter cannot be matched to a log group"));
}

/// <summary><c>terraform.tfvars</c> then <c>*.auto.tfvars</c> (in name order), each overriding the one before, as Terraform loads them.</summary>
internal static class VariableFiles
{
    public static (Dictionary<string, HclValue> Values, List<IacProblem> Problems) Read(IReadOnlyList<(string Path, string Text)> files, string folder)
    {
        var values = new Dictionary<string, HclValue>(StringComparer.Ordinal);
        var problems = new List<IacProblem>();
        var inFolder = files.Where(f => RepositoryPaths.FolderOf(f.Path) == folder).ToList();
        var ordered = inFolder.Where(f => f.Path.EndsWith("/terraform.tfvars", StringComparison.Ordinal) || f.Path == "terraform.tfvars")
            .Concat(inFolder.Where(f => f.Path.EndsWith(".auto.tfvars", StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal));
        foreach (var (path, text) in ordered)
        {
            var parse = HclParse.Of(path, text);
            if (parse.Problem is not null)
            {
                problems.Add(parse.Problem);
                continue;
            }

            foreach (var attribute in parse.Body!.Attributes)
            {
                values[attribute.Name] = HclEvaluator.Evaluate(attribute.Value, NoReferences.Instance);
            }
        }

        return (values, problems);
    }

    private sealed class NoReferences : IHclScope
    {
        public static NoReferences Instance { get; } = new();

        public HclValue Resolve(HclReference reference) => new HclUnknown($"{reference} cannot be used in a variables file");
    }
}
