namespace Tocsin.Cli.Tests;

/// <summary>
/// Sets the process's AWS key variables to one emulated account's key, as a user exports them, and puts back what
/// was there when disposed. Tests that use it belong to the <see cref="ProcessEnvironment"/> collection.
/// </summary>
public sealed class EnvironmentKey : IDisposable
{
    private static readonly string[] Variables = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_PROFILE"];
    private readonly Dictionary<string, string?> _saved = Variables.ToDictionary(name => name, Environment.GetEnvironmentVariable);

    public EnvironmentKey(string accessKeyId, string secret, string region = "us-east-1", string? sessionToken = null)
    {
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", accessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", secret);
        Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", sessionToken);
        Environment.SetEnvironmentVariable("AWS_PROFILE", null);
        Environment.SetEnvironmentVariable("AWS_REGION", region);
    }

    public void Dispose()
    {
        foreach (var (name, value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
