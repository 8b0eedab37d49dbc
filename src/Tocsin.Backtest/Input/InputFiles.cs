namespace Tocsin.Backtest.Input;

/// <summary>
/// Lists the files a backtest reads from the paths it was given: files as named, folders walked recursively through
/// CloudTrail's S3 layout (<c>AWSLogs/[o-…/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/*.json.gz</c>) or anything else,
/// keeping log-like names and leaving out digest files. A path that cannot be read is a problem, never an exception;
/// a symbolic link that leads back into a folder being walked is a problem, and a folder reached twice is read once.
/// </summary>
internal sealed class InputFiles
{
    private static readonly string[] LogEndings = [".json", ".jsonl", ".ndjson", ".log", ".gz"];

    private static readonly EnumerationOptions EveryEntry = new()
    {
        RecurseSubdirectories = false,
        IgnoreInaccessible = false,
        AttributesToSkip = FileAttributes.None,
        ReturnSpecialDirectories = false,
    };

    private readonly HashSet<string> files = new(StringComparer.Ordinal);
    private readonly HashSet<string> walked = new(StringComparer.Ordinal);
    private readonly HashSet<string> walking = new(StringComparer.Ordinal);

    private readonly HashSet<(string, string)> problemsSeen = [];

    public List<InputProblem> Problems { get; } = [];

    /// <summary>Every file found, in ordinal order of its path.</summary>
    public IReadOnlyList<string> Files => [.. files.Order(StringComparer.Ordinal)];

    public void Add(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            Problem(path, "an empty path");
            return;
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            Problem(path, $"not a valid path: {e.Message}");
            return;
        }

        if (BrokenLink(new FileInfo(full)) is { } broken)
        {
            Problem(full, broken);
        }
        else if (Directory.Exists(full))
        {
            Walk(full);
        }
        else if (File.Exists(full))
        {
            if (IsDigest(Path.GetFileName(full)))
            {
                Problem(full, "a CloudTrail digest file, which holds no records: skipped");
            }
            else
            {
                files.Add(full);
            }
        }
        else
        {
            Problem(full, "no such file or folder");
        }
    }

    private void Walk(string folder, string? real = null)
    {
        try
        {
            real ??= RealPath(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Problem(folder, $"could not resolve the folder's links: {e.Message}");
            return;
        }

        if (real is null)
        {
            Problem(folder, "a symbolic link loop");
            return;
        }

        if (walking.Contains(real))
        {
            Problem(folder, $"a symbolic link loop: it leads back to {real}, which is being read");
            return;
        }

        if (!walked.Add(real))
        {
            return;
        }

        FileSystemInfo[] entries;
        try
        {
            entries = new DirectoryInfo(folder).GetFileSystemInfos("*", EveryEntry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            Problem(folder, $"could not list the folder: {e.Message}");
            return;
        }

        walking.Add(real);
        foreach (var entry in entries)
        {
            try
            {
                AddEntry(entry, real);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Problem(entry.FullName, $"could not read: {e.Message}");
            }
        }

        walking.Remove(real);
    }

    private void AddEntry(FileSystemInfo entry, string real)
    {
        var isLink = entry.LinkTarget is not null;
        if (entry is DirectoryInfo)
        {
            if (!entry.Name.Equals("CloudTrail-Digest", StringComparison.OrdinalIgnoreCase))
            {
                // only a link can lead somewhere else; below a folder that is not one, the real path just grows
                Walk(entry.FullName, isLink ? null : Path.Combine(real, entry.Name));
            }
        }
        else if (isLink && BrokenLink(entry) is { } broken)
        {
            Problem(entry.FullName, broken);
        }
        else if (IsLogName(entry.Name) && !IsDigest(entry.Name))
        {
            files.Add(entry.FullName);
        }
    }

    /// <summary>Why a symbolic link leads nowhere, or null when it is not a link or reaches a file or folder.</summary>
    private static string? BrokenLink(FileSystemInfo entry)
    {
        // File.Exists is true for a dangling link on Unix: only resolving the link tells
        if (entry.LinkTarget is not { } target)
        {
            return null;
        }

        try
        {
            var final = entry.ResolveLinkTarget(returnFinalTarget: true);
            return final is not null && (File.Exists(final.FullName) || Directory.Exists(final.FullName))
                ? null
                : $"a symbolic link to {target}, which does not exist";
        }
        catch (IOException)
        {
            return $"a symbolic link loop: {entry.FullName} → {target} → … never reaches a file";
        }
    }

    private void Problem(string path, string reason)
    {
        if (problemsSeen.Add((path, reason)))
        {
            Problems.Add(new InputProblem(path, reason));
        }
    }

    /// <summary>The path with every symbolic link resolved, or null when links loop.</summary>
    private static string? RealPath(string full, int depth = 0)
    {
        if (depth > 40)
        {
            return null;
        }

        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var name in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, name);
            var info = new DirectoryInfo(next);
            if (info.LinkTarget is not null)
            {
                FileSystemInfo? target;
                try
                {
                    target = info.ResolveLinkTarget(returnFinalTarget: true);
                }
                catch (IOException)
                {
                    return null;
                }

                if (target is null || RealPath(target.FullName, depth + 1) is not { } resolved)
                {
                    return null;
                }

                next = resolved;
            }

            current = next;
        }

        return current;
    }

    private static bool IsLogName(string name) => LogEndings.Any(ending => name.EndsWith(ending, StringComparison.OrdinalIgnoreCase));

    private static bool IsDigest(string name) => name.Contains("_CloudTrail-Digest_", StringComparison.OrdinalIgnoreCase);
}
