using Tocsin.Core.Inventory;
using Tocsin.Core.Inventory.Snapshots;

namespace Tocsin.Core.Tests.Inventory;

/// <summary>The shared fixture snapshots under tests/fixtures/snapshots, copied beside the test assembly.</summary>
internal static class Fixtures
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "fixtures", "snapshots");

    public static string PathOf(string name) => Path.Combine(Folder, name + ".json");

    public static IEnumerable<string> Names() =>
        Directory.EnumerateFiles(Folder, "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;

    public static CloudInventory Load(string name)
    {
        using var stream = File.OpenRead(PathOf(name));
        return Snapshot.Load(stream, name + ".json");
    }
}
