namespace Tocsin.Backtest.Input;

/// <summary>Placeholder discovery of plain JSON Lines files, replaced by the discovery of every CloudTrail layout.</summary>
public static class InputDiscovery
{
    public static InputPlan Plan(IReadOnlyList<string> paths, int threads)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var parts = new List<InputPart>();
        var problems = new List<InputProblem>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                parts.Add(new InputPart(path, InputKind.JsonLines, false, 0, new FileInfo(path).Length));
            }
            else if (Directory.Exists(path))
            {
                parts.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                    .Select(file => new InputPart(file, InputKind.JsonLines, false, 0, new FileInfo(file).Length)));
            }
            else
            {
                problems.Add(new InputProblem(path, "no such file or folder"));
            }
        }

        return new InputPlan(parts, problems, parts.Sum(p => p.End - p.Start));
    }
}
