using System.Collections;

namespace Tocsin.Aws.Tests;

/// <summary>
/// Clears every AWS_* variable and points HOME and the shared config files at a temporary folder, so the SDK's
/// credential chain sees only what a test writes there; restores the variables and empties the folder on dispose.
/// Instance metadata is disabled: the chain must never probe it here. The SDK fixes the shared files' paths when it
/// first reads them, so the folder is one per test run, removed when the run ends.
/// </summary>
internal sealed class IsolatedAwsEnvironment : IDisposable
{
    private static readonly Lazy<string> SharedHome = new(() =>
    {
        var home = Directory.CreateTempSubdirectory("tocsin-aws-home-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(home, recursive: true);
        return home;
    });

    private readonly Dictionary<string, string?> _saved = new(StringComparer.Ordinal);

    public IsolatedAwsEnvironment()
    {
        Home = SharedHome.Value;
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            var name = (string)entry.Key;
            if (name.StartsWith("AWS_", StringComparison.Ordinal))
            {
                Set(name, null);
            }
        }

        Set("HOME", Home);
        Set("AWS_EC2_METADATA_DISABLED", "true");
        Set("AWS_SHARED_CREDENTIALS_FILE", Path.Combine(Home, ".aws", "credentials"));
        Set("AWS_CONFIG_FILE", Path.Combine(Home, ".aws", "config"));
        Directory.CreateDirectory(Path.Combine(Home, ".aws"));
    }

    public string Home { get; }

    public void Set(string name, string? value)
    {
        _saved.TryAdd(name, Environment.GetEnvironmentVariable(name));
        Environment.SetEnvironmentVariable(name, value);
    }

    public void WriteConfig(string text) => File.WriteAllText(Path.Combine(Home, ".aws", "config"), text);

    public void WriteCredentials(string text) => File.WriteAllText(Path.Combine(Home, ".aws", "credentials"), text);

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        foreach (var file in Directory.EnumerateFiles(Home, "*", SearchOption.AllDirectories))
        {
            File.Delete(file);
        }
    }
}

/// <summary>Tests that change the process environment run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "process environment";
}
