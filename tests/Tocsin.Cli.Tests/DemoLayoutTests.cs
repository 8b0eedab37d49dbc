using System.Text.RegularExpressions;

namespace Tocsin.Cli.Tests;

/// <summary>
/// The demo's text fits where it is shown: 120 columns in a pipe (or <c>COLUMNS</c>), the terminal's width in a
/// terminal. The table's rule is as wide as the table; long findings wrap inside their cell.
/// </summary>
public partial class DemoLayoutTests
{
    /// <summary>Colour and cursor sequences, which take no column.</summary>
    [GeneratedRegex("\u001b\\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Escapes();

    private static IEnumerable<string> Lines(string text) =>
        Escapes().Replace(text, string.Empty).Split('\n').Select(line => line.TrimEnd('\r'));

    private static void EveryLineFits(CliRun run, int width)
    {
        run.ExitCode.ShouldBe(0, run.Error);
        Lines(run.Out).ShouldContain(line => line.StartsWith("───", StringComparison.Ordinal), run.Out);
        Lines(run.Out + run.Error).Where(line => line.Length > width).ShouldBeEmpty();
    }

    [Fact]
    public async Task In_a_pipe_the_demo_fits_120_columns()
    {
        var run = await BuiltCli.RunAsync(BuiltCli.Dotnet, [BuiltCli.Dll, "demo"]);

        EveryLineFits(run, 120);
    }

    [Fact]
    public async Task In_a_pipe_the_demo_fits_the_columns_COLUMNS_gives()
    {
        var run = await BuiltCli.RunAsync(BuiltCli.Dotnet, [BuiltCli.Dll, "demo"], columns: "100");

        EveryLineFits(run, 100);
    }

    [SkippableFact]
    public async Task In_an_80_column_terminal_the_demo_fits_80_columns()
    {
        var script = RequiredTool.Program("script", "apt-get install bsdutils");
        var errors = Path.GetTempFileName();
        try
        {
            // script gives the demo a pseudo-terminal as standard output; standard error goes to a file to read apart.
            var command = $"stty cols 80 rows 50 && exec '{BuiltCli.Dotnet}' '{BuiltCli.Dll}' demo 2>'{errors}'";
            var run = await BuiltCli.RunAsync(script, ["-qec", command, "/dev/null"]);

            EveryLineFits(run with { Error = await File.ReadAllTextAsync(errors) }, 80);
        }
        finally
        {
            File.Delete(errors);
        }
    }
}
