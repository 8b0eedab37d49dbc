namespace Tocsin.Core.Yaml;

/// <summary>A YAML file the user wrote was refused: where (file, 1-based line and column) and what was wrong.</summary>
public sealed class YamlFileException(string file, int line, int column, string problem)
    : Exception($"{file}:{line}:{column}: {problem}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public string Problem { get; } = problem;
}
