using Amazon.Runtime;
using Tocsin.Aws.Collection;
using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.FaultMatrix;

/// <summary>A scenario whose fault-free truth the matrix learns once, and how a user would scan it.</summary>
internal sealed record MatrixScenario(string Name, IReadOnlyList<string> Accounts, IReadOnlyList<string> Regions)
{
    /// <summary>The demo organization: members through OrganizationAccountAccessRole, standalone accounts through TocsinAuditRole.</summary>
    public static MatrixScenario DemoOrg { get; } = new(
        "demo-org",
        ["111111111111", "222222222222", "333333333333", "444444444444", "555555555555", "666666666666", "777777777777", "888888888888", "999999999999"],
        ["us-east-1", "us-east-2", "us-west-2", "eu-west-1"]);

    /// <summary>One account for each way <see cref="ScenarioGenerator.Breakages"/> breaks a chain, one of them complete.</summary>
    public static MatrixScenario EveryReason { get; } = new(
        $"{ScenarioGenerator.Prefix}{ScenarioGenerator.Breakages.Count}{ScenarioGenerator.EveryReasonSuffix}",
        [.. Enumerable.Range(1, ScenarioGenerator.Breakages.Count).Select(ScenarioGenerator.AccountId)],
        ["us-east-1"]);

    public static IReadOnlyList<MatrixScenario> All { get; } = [DemoOrg, EveryReason];

    public Scenario Load() => Scenario.Resolve(Name);

    public CollectRequest Request(EmulatorHost emulator) => this == DemoOrg
        ? new CollectRequest
        {
            StartingCredentials = new BasicAWSCredentials("AKIADEMO000000000001", "demo-secret-management"),
            Credentials = new Tocsin.Aws.Credentials.CredentialOptions(Region: "us-east-1"),
            EndpointUrl = emulator.Endpoint,
            Organization = new OrganizationScope("OrganizationAccountAccessRole"),
            Accounts = [.. Accounts.Skip(3).Select(id => new AccountTarget(id, "TocsinAuditRole"))],
            Concurrency = 8,
        }
        : new CollectRequest
        {
            StartingCredentials = new BasicAWSCredentials(ScenarioGenerator.KeyId(1), "generated"),
            Credentials = new Tocsin.Aws.Credentials.CredentialOptions(Region: "us-east-1"),
            EndpointUrl = emulator.Endpoint,
            Organization = new OrganizationScope("OrganizationAccountAccessRole"),
            Concurrency = 8,
        };
}
