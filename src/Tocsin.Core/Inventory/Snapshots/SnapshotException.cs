namespace Tocsin.Core.Inventory.Snapshots;

/// <summary>
/// A snapshot file was refused: <see cref="Location"/> is the JSON path of the first bad field (or a line and
/// column when the file is not JSON at all) and <see cref="Problem"/> says what was wrong.
/// </summary>
public sealed class SnapshotException : Exception
{
    public SnapshotException(string file, string location, string problem)
        : base($"{file}: {location}: {problem}")
    {
        File = file;
        Location = location;
        Problem = problem;
    }

    public SnapshotException()
        : this("snapshot", "$", "refused")
    {
    }

    public SnapshotException(string message)
        : base(message)
    {
        File = "snapshot";
        Location = "$";
        Problem = message;
    }

    public SnapshotException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "snapshot";
        Location = "$";
        Problem = message;
    }

    public string File { get; }

    public string Location { get; }

    public string Problem { get; }
}
