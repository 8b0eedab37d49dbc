using System.Text.Json;
using Tocsin.Reports;

namespace Tocsin.Cli.Tests;

/// <summary>Where reports go: one format to the terminal or a file, every format at once into a folder.</summary>
public class ReportOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tocsin-reports-").FullName;

    private static string Snapshot => RepositoryFiles.Snapshot("alarm-no-action");

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Every_format_at_once_lands_in_the_output_folder_from_one_evaluation()
    {
        var dir = Path.Combine(_folder, "reports");

        var run = CliRun.Of("evaluate", Snapshot, "--format", string.Join(',', ReportWriters.Formats), "--output-dir", dir);

        run.ExitCode.ShouldBe(1, run.Error);
        run.Out.ShouldBeEmpty();
        foreach (var format in ReportWriters.Formats)
        {
            var path = Path.Combine(dir, ReportOutput.FileName(format));
            File.Exists(path).ShouldBeTrue(format);
            new FileInfo(path).Length.ShouldBeGreaterThan(0, format);
            run.Error.ShouldContain($"wrote {path}");
        }

        Directory.GetFiles(dir).ShouldNotContain(file => file.EndsWith(".partial", StringComparison.Ordinal));
        JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "tocsin.json"))).RootElement.GetProperty("findings").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Several_formats_without_an_output_folder_are_refused_before_anything_is_read()
    {
        var run = CliRun.Of("evaluate", Path.Combine(_folder, "missing.json"), "--format", "json,text");

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("several formats are written as files; add --output-dir DIR");
        run.Error.ShouldNotContain("missing.json");
    }

    [Fact]
    public void An_unknown_format_in_the_list_is_named_with_the_formats_there_are()
    {
        var run = CliRun.Of("evaluate", Snapshot, "--format", "json,pdf", "--output-dir", _folder);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("`pdf` is not a report format; use one or more of text, json");
    }

    [Fact]
    public void One_file_and_one_folder_at_once_are_refused()
    {
        var run = CliRun.Of("evaluate", Snapshot, "--format", "json", "--output", Path.Combine(_folder, "r.json"), "--output-dir", _folder);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--output and --output-dir cannot be used together");
    }

    [Fact]
    public void A_report_that_cannot_be_written_leaves_the_last_good_one_in_place()
    {
        var report = Path.Combine(_folder, "tocsin.json");
        File.WriteAllText(report, "last good report");
        Directory.CreateDirectory(report + ".partial");

        var run = CliRun.Of("evaluate", Snapshot, "--format", "json", "--output-dir", _folder);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain($"{report}: cannot write the report");
        File.ReadAllText(report).ShouldBe("last good report");
    }

    [Fact]
    public async Task Reports_cite_the_version_the_tool_prints()
    {
        var run = await BuiltCli.RunAsync(BuiltCli.Dotnet, [BuiltCli.Dll, "--version"]);

        run.Out.Trim().ShouldStartWith(ToolInfo.Version);
    }
}
