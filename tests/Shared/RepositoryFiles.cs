namespace Tocsin.Tests;

/// <summary>Finds files of the repository from a test's output folder; nothing outside the repository is read.</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>The conformance suite of the pattern language (tests/fixtures/filter-patterns, see the README there).</summary>
    public static string ConformanceCases => Fixture("filter-patterns", "cases.jsonl");

    /// <summary>A fixture snapshot of tests/fixtures/snapshots (see the README there for what each one breaks).</summary>
    public static string Snapshot(string name) => Fixture("snapshots", name + ".json");

    /// <summary>A file under tests/fixtures, which must exist.</summary>
    public static string Fixture(params string[] parts)
    {
        var path = Path.Combine([Root, "tests", "fixtures", .. parts]);
        return File.Exists(path) ? path : throw new FileNotFoundException($"the fixture {path} is missing from the repository");
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
