using System.Text;

namespace Tocsin.Iac;

/// <summary>One text file of the repository, with the path findings name it by.</summary>
public sealed record IacFile(string Path, string Text);

/// <summary>
/// The files under the paths a user names: directories recursively, skipping <c>.terraform/</c>, <c>node_modules/</c>
/// and hidden folders, never following a symbolic link to a directory (so no link loop can hang the walk). A file that
/// cannot be used (unreadable, binary, over <see cref="MaxBytes"/>) is a problem, and the walk goes on.
/// </summary>
public static class IacFiles
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly string[] Extensions = [".tf", ".tfvars", ".json", ".yaml", ".yml", ".template"];
    private static readonly string[] SkippedFolders = [".terraform", "node_modules"];

    public static (IReadOnlyList<IacFile> Files, IReadOnlyList<IacProblem> Problems) Collect(IEnumerable<string> paths)
    {
        var files = new List<IacFile>();
        var problems = new List<IacProblem>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Read(Relative(path), files, problems);
            }
            else if (Directory.Exists(path))
            {
                Walk(new DirectoryInfo(path), files, problems);
            }
            else
            {
                problems.Add(new IacProblem(path, 0, 0, "no such file or directory"));
            }
        }

        return ([.. files.DistinctBy(f => System.IO.Path.GetFullPath(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal)], problems);
    }

    private static void Walk(DirectoryInfo directory, List<IacFile> files, List<IacProblem> problems)
    {
        IEnumerable<FileSystemInfo> entries;
        try
        {
            entries = [.. directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal)];
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            problems.Add(new IacProblem(directory.FullName, 0, 0, $"cannot list the folder: {error.Message}"));
            return;
        }

        foreach (var entry in entries)
        {
            if (entry is DirectoryInfo child)
            {
                if (child.LinkTarget is null && !child.Name.StartsWith('.') && !SkippedFolders.Contains(child.Name, StringComparer.Ordinal))
                {
                    Walk(child, files, problems);
                }
            }
            else if (Extensions.Contains(entry.Extension, StringComparer.OrdinalIgnoreCase))
            {
                Read(Relative(entry.FullName), files, problems);
            }
        }
    }

    private static void Read(string path, List<IacFile> files, List<IacProblem> problems)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.Length > MaxBytes)
            {
                problems.Add(new IacProblem(path, 0, 0, $"skipped: {info.Length:N0} bytes is more than the {MaxBytes / (1024 * 1024)} MB a template may be"));
                return;
            }

            var bytes = File.ReadAllBytes(path);
            if (bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0))
            {
                problems.Add(new IacProblem(path, 0, 0, "skipped: a binary file, not a template"));
                return;
            }

            files.Add(new IacFile(path, new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF')));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            problems.Add(new IacProblem(path, 0, 0, $"cannot read the file: {error.Message}"));
        }
    }

    /// <summary>
    /// The path relative to the working directory (with <c>../</c> when it lies elsewhere), so findings name files as
    /// the user typed them and every file of one run shares one base, which module paths are resolved against.
    /// </summary>
    private static string Relative(string path) => System.IO.Path.GetRelativePath(Environment.CurrentDirectory, System.IO.Path.GetFullPath(path));
}
