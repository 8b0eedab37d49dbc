namespace Tocsin.Backtest.Input;

/// <summary>
/// Plans the reading of a backtest's input: which files, how each holds its records, and how the work splits so
/// every core reads — one part per file, and a large plain line-per-record file cut at line ends into one part per
/// thread.
/// </summary>
public static class InputDiscovery
{
    /// <summary>A plain line-per-record file larger than this is read as several byte ranges at once.</summary>
    internal const long SplitAboveBytes = 64L << 20;

    /// <summary>
    /// Plans <paramref name="paths"/> (files or folders, walked recursively), parts in ordinal order of path then
    /// offset. Paths that cannot be read, and files that are not CloudTrail input, are the plan's problems.
    /// </summary>
    public static InputPlan Plan(IReadOnlyList<string> paths, int threads) => Plan(paths, threads, SplitAboveBytes);

    internal static InputPlan Plan(IReadOnlyList<string> paths, int threads, long splitAboveBytes)
    {
        ArgumentNullException.ThrowIfNull(paths);
        threads = Math.Max(1, threads);
        var listing = new InputFiles();
        foreach (var path in paths)
        {
            listing.Add(path);
        }

        var files = listing.Files;
        var planned = new (List<InputPart>? Parts, long Bytes, InputProblem? Problem)[files.Count];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
            planned[i] = PlanFile(files[i], threads, splitAboveBytes));

        var parts = new List<InputPart>();
        var problems = new List<InputProblem>(listing.Problems);
        long total = 0;
        foreach (var (fileParts, bytes, problem) in planned)
        {
            if (fileParts is not null)
            {
                parts.AddRange(fileParts);
                total += bytes;
            }

            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        return new InputPlan(parts, [.. problems.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Reason, StringComparer.Ordinal)], total);
    }

    private static (List<InputPart>? Parts, long Bytes, InputProblem? Problem) PlanFile(string path, int threads, long splitAboveBytes)
    {
        try
        {
            var (kind, gzip, problem) = InputSniffer.Sniff(path);
            if (problem is not null)
            {
                return (null, 0, new InputProblem(path, problem));
            }

            using var handle = File.OpenHandle(path);
            var length = RandomAccess.GetLength(handle);
            if (gzip || kind == InputKind.CloudTrailFile || length <= splitAboveBytes || threads == 1)
            {
                return ([new InputPart(path, kind, gzip, 0, length)], length, null);
            }

            var parts = LineRanges.Split(handle, length, threads)
                .Select(range => new InputPart(path, kind, false, range.Start, range.End))
                .ToList();
            return (parts, length, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, 0, new InputProblem(path, $"could not read the file: {e.Message}"));
        }
    }
}
