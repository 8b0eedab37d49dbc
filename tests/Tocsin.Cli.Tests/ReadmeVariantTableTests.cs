using System.Text.RegularExpressions;

namespace Tocsin.Cli.Tests;

/// <summary>The README's table of field variants is what `tocsin pattern verdict` prints, so the two cannot drift.</summary>
public partial class ReadmeVariantTableTests
{
    public static TheoryData<string, string, string> Rows()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "README.md"));
        var start = Array.FindIndex(readme, line => line == "| variant | pattern | verdict |");
        var data = new TheoryData<string, string, string>();
        foreach (var line in readme.Skip(start + 2).TakeWhile(line => line.StartsWith('|')))
        {
            var cells = Cell().Split(line.Trim('|')).Select(cell => cell.Trim().Replace("\\|", "|", StringComparison.Ordinal)).ToArray();
            data.Add(cells[0], cells[1].Trim('`'), cells[2]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Each_variant_in_the_readme_gets_the_verdict_printed_there(string variant, string pattern, string verdict)
    {
        var run = CliRun.Of("pattern", "verdict", pattern, "--control", "console-signin-without-mfa");

        run.Out.Trim().ShouldBe(verdict, variant);
    }

    [Fact]
    public void The_readme_lists_the_field_variants() => Rows().Count.ShouldBeGreaterThanOrEqualTo(14);

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex Cell();
}
