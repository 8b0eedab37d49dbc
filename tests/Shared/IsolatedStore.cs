using System.Runtime.CompilerServices;

namespace Tocsin.Tests;

/// <summary>
/// Every command a test runs records its run in the store; the tests' runs go to a store of their own in a temporary
/// folder (<c>TOCSIN_STORE</c>, which child processes inherit), never to the user's.
/// </summary>
internal static class IsolatedStore
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"tocsin-tests-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        Environment.SetEnvironmentVariable("TOCSIN_STORE", Path.Combine(folder, "tocsin.db"));
    }
}
