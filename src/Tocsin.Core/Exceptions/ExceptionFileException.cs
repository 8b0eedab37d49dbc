namespace Tocsin.Core.Exceptions;

/// <summary>An exceptions file was refused: where (file, 1-based line and column) and what was wrong.</summary>
public sealed class ExceptionFileException : Exception
{
    public ExceptionFileException(string file, int line, int column, string problem)
        : base($"{file}:{line}:{column}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public ExceptionFileException()
        : this("exceptions", 1, 1, "refused")
    {
    }

    public ExceptionFileException(string message)
        : this("exceptions", 1, 1, message)
    {
    }

    public ExceptionFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "exceptions";
        Line = 1;
        Column = 1;
        Problem = message;
    }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    public string Problem { get; }
}
