namespace Tocsin.Backtest.Tests.Input;

/// <summary>A folder of generated input that is deleted when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "tocsin-input-" + Guid.NewGuid().ToString("N"));

    /// <summary>A path inside the folder, its parent folders created.</summary>
    public string File(params string[] parts)
    {
        var path = Path.Combine([Root, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    public void Dispose()
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            // a file made unreadable by a test must become deletable again
            if (!OperatingSystem.IsWindows() && new FileInfo(path).LinkTarget is null)
            {
                System.IO.File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        Directory.Delete(Root, recursive: true);
    }
}
