using System.Net;
using Amazon.Runtime;
using Tocsin.Aws.Collection;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Cli;

/// <summary>
/// The key of the demo organization's management account (the built-in <c>demo-org</c> scenario), which
/// <c>tocsin demo</c> scans with and <c>tocsin scan --demo-credentials</c> lends a newcomer. It is sent only to an
/// endpoint on this machine's loopback, where the emulator serves it, and its secret is never printed.
/// </summary>
internal static class DemoCredentials
{
    public const string Flag = "--demo-credentials";

    public static ScenarioKey ManagementKey(Scenario demo) =>
        demo.AccessKeys.First(key => key.AccountId == demo.ManagementAccountId);

    /// <summary>The demo key, for a scan of <paramref name="endpoint"/>; refused unless it is a loopback address.</summary>
    public static AWSCredentials For(Uri? endpoint)
    {
        if (endpoint is null || !IsLoopback(endpoint))
        {
            throw new UsageException(
                $"{Flag} is the emulated demo organization's key and is only sent to an emulator on this machine: "
                + $"--endpoint-url must be a loopback address (127.0.0.1, localhost or [::1]), {(endpoint is null ? "and none was given" : $"not `{endpoint}`")}");
        }

        var key = ManagementKey(Scenario.Builtin("demo-org"));
        return new BasicAWSCredentials(key.Id, key.Secret);
    }

    /// <summary>
    /// Collection that reads nothing of the machine's own AWS set-up (profiles, region, instance metadata): the
    /// demo organization lives in us-east-1.
    /// </summary>
    public static CollectorOptions Collector()
    {
        var environment = new Dictionary<string, string> { ["AWS_REGION"] = "us-east-1", ["AWS_EC2_METADATA_DISABLED"] = "true" };
        return new CollectorOptions { Environment = name => environment.GetValueOrDefault(name) };
    }

    /// <summary>127.0.0.0/8, [::1] or localhost.</summary>
    public static bool IsLoopback(Uri endpoint) =>
        endpoint.IsAbsoluteUri
        && (string.Equals(endpoint.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address)));
}
