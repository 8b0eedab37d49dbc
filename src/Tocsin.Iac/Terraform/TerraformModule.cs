namespace Tocsin.Iac.Terraform;

/// <summary>One Terraform module: the blocks of the <c>.tf</c> files directly in one folder, each with its file.</summary>
internal sealed class TerraformModule
{
    public required string Folder { get; init; }

    public List<(string File, HclBlock Block)> Blocks { get; } = [];

    public List<(string File, HclAttribute Attribute)> Locals { get; } = [];

    public List<IacProblem> Problems { get; } = [];

    public IEnumerable<(string File, HclBlock Block)> OfType(string type) => Blocks.Where(b => b.Block.Type == type);

    /// <summary>The <c>variable</c> or <c>output</c> block of that name.</summary>
    public (string File, HclBlock Block)? Find(string type, string name) =>
        OfType(type).Where(b => b.Block.Labels is [var label] && label == name).Select(b => ((string, HclBlock)?)b).FirstOrDefault();

    public static TerraformModule Load(string folder, IEnumerable<(string Path, string Text)> files)
    {
        var module = new TerraformModule { Folder = folder };
        foreach (var (path, text) in files.Where(f => RepositoryPaths.FolderOf(f.Path) == folder && f.Path.EndsWith(".tf", StringComparison.Ordinal)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var parse = HclParse.Of(path, text);
            if (parse.Problem is not null)
            {
                module.Problems.Add(parse.Problem);
                continue;
            }

            foreach (var block in parse.Body!.Blocks)
            {
                if (block.Type == "locals")
                {
                    module.Locals.AddRange(block.Body.Attributes.Select(a => (path, a)));
                }
                else
                {
                    module.Blocks.Add((path, block));
                }
            }
        }

        return module;
    }
}

/// <summary>Repository-relative paths with '/' separators, as the reader is given them.</summary>
internal static class RepositoryPaths
{
    public static string Normalize(string path) => path.Replace('\\', '/');

    public static string FolderOf(string path)
    {
        var normalized = Normalize(path);
        var slash = normalized.LastIndexOf('/');
        return slash < 0 ? "" : normalized[..slash];
    }

    /// <summary><paramref name="relative"/> (e.g. <c>./modules/filters</c>, <c>../common</c>) from <paramref name="folder"/>, or null when it leaves the repository.</summary>
    public static string? Combine(string folder, string relative)
    {
        var parts = folder.Length == 0 ? new List<string>() : [.. folder.Split('/')];
        foreach (var part in Normalize(relative).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }
}
