namespace Tocsin.Tests;

/// <summary>Finds files of the repository and of the shared folder laid beside it, from a test's output folder.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>The conformance suite of the pattern language, kept in the shared folder next to the repository.</summary>
    public static string ConformanceCases => Shared("filter-patterns", "cases.jsonl");

    /// <summary>A fixture snapshot of tests/fixtures/snapshots (see the README there for what each one breaks).</summary>
    public static string Snapshot(string name) => Path.Combine(Root, "tests", "fixtures", "snapshots", name + ".json");

    public static string Shared(params string[] parts)
    {
        var path = Path.Combine([Path.GetDirectoryName(Root)!, "shared", .. parts]);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the shared file {path} is missing: the repository must be checked out beside the shared folder");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tocsin.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Tocsin.sln above {AppContext.BaseDirectory}");
    }
}
