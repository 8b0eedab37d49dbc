using System.Text.RegularExpressions;

namespace Tocsin.Cli.Tests;

/// <summary>
/// A fresh clone builds and passes on its own: no test, script or doc of the repository reads a path outside it.
/// </summary>
public partial class RepositoryStandsAloneTests
{
    private static readonly HashSet<string> Skipped = [".git", "bin", "obj", "TestResults", "artifacts", "BenchmarkDotNet.Artifacts", ".terraform"];
    private static readonly HashSet<string> TextKinds = [".cs", ".csproj", ".props", ".targets", ".sln", ".sh", ".py", ".tf", ".md", ".yaml", ".yml", ""];

    /// <summary>This file spells the escapes out to test that they are found, so it is the one file not scanned.</summary>
    private const string ThisFile = nameof(RepositoryStandsAloneTests) + ".cs";

    /// <summary>The ways a path climbs out of the repository: to a folder beside it, to the machine's work folder, or above the root.</summary>
    [GeneratedRegex("""\.\./+shared\b|(?<![\w.])/work/|GetDirectoryName\(\s*(RepositoryFiles\.)?Root\b|\bRoot\s*,\s*"\.\."|\bRoot\)?\.Parent\b""")]
    private static partial Regex Escape();

    /// <summary>Each line of <paramref name="text"/> that reads outside the repository.</summary>
    public static IEnumerable<string> Escapes(string text) => text.Split('\n').Where(line => Escape().IsMatch(line)).Select(line => line.Trim());

    [Fact]
    public void No_test_script_or_doc_reads_a_path_outside_the_repository()
    {
        var escapes = TextFiles(new DirectoryInfo(RepositoryFiles.Root))
            .SelectMany(file => Escapes(File.ReadAllText(file.FullName)).Select(line => $"{Path.GetRelativePath(RepositoryFiles.Root, file.FullName)}: {line}"));

        escapes.ShouldBeEmpty();
    }

    [Fact]
    public void The_scan_covers_the_test_script_the_ci_entry_point_the_readme_and_the_tests()
    {
        var scanned = TextFiles(new DirectoryInfo(RepositoryFiles.Root)).Select(file => Path.GetRelativePath(RepositoryFiles.Root, file.FullName).Replace('\\', '/')).ToList();

        scanned.ShouldContain("test.sh");
        scanned.ShouldContain(".ci/run");
        scanned.ShouldContain("README.md");
        scanned.ShouldContain("tests/Shared/RepositoryFiles.cs");
        scanned.ShouldContain(path => path.StartsWith("bench/", StringComparison.Ordinal) && path.EndsWith(".sh", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("tocsin pattern conformance ../shared/filter-patterns/cases.jsonl")]
    [InlineData("jq . /work/shared/schemas/sarif-2.1.0.json")]
    [InlineData("var path = Path.Combine([Path.GetDirectoryName(Root)!, \"shared\", .. parts]);")]
    [InlineData("var up = Path.Combine(RepositoryFiles.Root, \"..\", \"shared\");")]
    [InlineData("var folder = new DirectoryInfo(Root).Parent;")]
    public void A_path_outside_the_repository_is_found(string line)
    {
        Escapes("first line\n" + line + "\nlast line").ShouldBe([line]);
    }

    [Theory]
    [InlineData("cd \"$(dirname \"$0\")/..\"")]
    [InlineData("File.ReadAllText(Path.Combine(Fixtures.Folder, \"..\", \"README.md\"))")]
    [InlineData("tocsin pattern conformance tests/fixtures/filter-patterns/cases.jsonl")]
    [InlineData("the team's shared reference set")]
    public void A_path_inside_the_repository_is_not_found(string line)
    {
        Escapes(line).ShouldBeEmpty();
    }

    private static IEnumerable<FileInfo> TextFiles(DirectoryInfo folder) =>
        folder.EnumerateFiles()
            .Where(file => TextKinds.Contains(file.Extension) && file.Name != ThisFile && file.Name != ".git")
            .Concat(folder.EnumerateDirectories().Where(dir => !Skipped.Contains(dir.Name)).SelectMany(TextFiles));
}
