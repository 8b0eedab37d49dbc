using Tocsin.Core.Findings;
using Tocsin.Reports;

namespace Tocsin.Cli;

/// <summary>
/// Where a run's report goes and in which formats: one format to standard output or <c>--output FILE</c>, or several
/// (<c>--format sarif,html</c>) as files <c>tocsin.EXT</c> in <c>--output-dir DIR</c>, so CI writes every artifact
/// from one scan. A file is written beside its final name and moved over it, so a failed write never leaves half a
/// report where the last good one was.
/// </summary>
internal sealed record ReportOutput(IReadOnlyList<string> Formats, string? File, string? Directory)
{
    /// <summary>The file a format is written to in an output directory, e.g. <c>tocsin.sarif</c>.</summary>
    public static string FileName(string format) => $"tocsin.{ReportWriters.Extension(format)}";

    /// <summary>Reads <c>--format</c> (comma-separated), <c>--output</c> and <c>--output-dir</c>; a combination that cannot be written is a usage error.</summary>
    public static ReportOutput Parse(string formats, string? file, string? directory)
    {
        var names = formats.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            throw new UsageException("--format: name at least one format");
        }

        if (names.FirstOrDefault(name => !ReportWriters.Formats.Contains(name)) is { } unknown)
        {
            throw new UsageException($"--format: `{unknown}` is not a report format; use one or more of {string.Join(", ", ReportWriters.Formats)}, separated by commas");
        }

        if (file is not null && directory is not null)
        {
            throw new UsageException("--output and --output-dir cannot be used together: --output names one file, --output-dir a folder for every format");
        }

        if (names.Count > 1 && directory is null)
        {
            throw new UsageException($"--format {string.Join(',', names)}: several formats are written as files; add --output-dir DIR");
        }

        return new ReportOutput(names, file, directory);
    }

    /// <summary>Writes the run in every format; says on standard error which files it wrote.</summary>
    public void Write(RunResult result, ReportContext context, CliConsole console)
    {
        if (Directory is not null)
        {
            CreateDirectory(Directory);
            foreach (var format in Formats)
            {
                var path = Path.Combine(Directory, FileName(format));
                WriteFile(path, ReportWriters.Create(format, context)!, result);
                console.Error.WriteLine($"wrote {path}");
            }

            return;
        }

        var writer = ReportWriters.Create(Formats[0], File is null ? context with { Colour = console.OutIsTerminal } : context)!;
        if (File is null)
        {
            console.Out.Write(Rendered(writer, result));
            return;
        }

        WriteFile(File, writer, result);
    }

    private static void CreateDirectory(string path)
    {
        try
        {
            System.IO.Directory.CreateDirectory(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot create the output folder: {error.Message}");
        }
    }

    private static void WriteFile(string path, IReportWriter writer, RunResult result)
    {
        var partial = path + ".partial";
        try
        {
            System.IO.File.WriteAllText(partial, Rendered(writer, result));

            System.IO.File.Move(partial, path, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            TryDelete(partial);
            throw new UsageException($"{path}: cannot write the report: {error.Message}");
        }
    }

    /// <summary>The report ending in exactly one line end (a CSV's own CRLF, or a newline added to text that lacks one).</summary>
    private static string Rendered(IReportWriter writer, RunResult result)
    {
        var text = new StringWriter();
        writer.Write(result, text);
        var rendered = text.ToString();
        return rendered.EndsWith('\n') ? rendered : rendered + "\n";
    }

    private static void TryDelete(string path)
    {
        try
        {
            System.IO.File.Delete(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The partial file stays; the message about the failed write is the one that matters.
        }
    }
}
