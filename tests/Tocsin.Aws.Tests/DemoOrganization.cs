using Amazon.Runtime;
using Tocsin.Aws.Collection;
using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Aws.Tests;

/// <summary>The emulator's demo-org scenario and how a user scans it: members through the organization's role, standalone accounts through TocsinAuditRole.</summary>
internal static class DemoOrganization
{
    public const string Management = "111111111111";

    public static readonly string[] Standalone = ["444444444444", "555555555555", "666666666666", "777777777777", "888888888888", "999999999999", "121212121212"];

    public static Scenario Scenario => Scenario.Builtin("demo-org");

    public static CollectRequest Request(EmulatorHost emulator, int concurrency = 4) => new()
    {
        StartingCredentials = new BasicAWSCredentials("AKIADEMO000000000001", "demo-secret-management"),
        Credentials = new Credentials.CredentialOptions(Region: "us-east-1"),
        EndpointUrl = emulator.Endpoint,
        Organization = new OrganizationScope("OrganizationAccountAccessRole"),
        Accounts = [.. Standalone.Select(id => new AccountTarget(id, "TocsinAuditRole"))],
        Concurrency = concurrency,
    };

    /// <summary>A collector that never waits between retries and rolls fixed dice, reading no environment variable.</summary>
    public static Collector Collector(List<TimeSpan>? waits = null, int maxAttempts = 6) => new(new CollectorOptions
    {
        Retry = new Http.RetryPolicy(MaxAttempts: maxAttempts),
        Delay = (wait, _) =>
        {
            lock (waits ?? [])
            {
                waits?.Add(wait);
            }

            return Task.CompletedTask;
        },
        Random = new Random(7),
        Environment = _ => null,
    });
}
