using System.Text;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.Data.Sqlite;
using Tocsin.Emulator;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Cli.Tests;

/// <summary>
/// Canary credentials — a long-term secret, and the secret and session token of an assumed role — run through every
/// command that reads AWS, every report and plan format, the <c>--verbose</c> log, snapshots and the store: none of
/// what Tocsin prints or writes holds any of them.
/// </summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class SecretCanaryTests : IAsyncLifetime
{
    private const string CanaryKey = "AKIACANARY0000000001";
    private const string CanarySecret = "canary-secret-7f3a9c2e-never-printed";

    private const string Organization = $$"""
        organization: { id: o-canary, managementAccount: "111111111111" }
        regions: [us-east-1]
        accounts:
          - id: "111111111111"
            accessKeys: [{ id: {{CanaryKey}}, secret: {{CanarySecret}}, user: auditor }]
          - id: "222222222222"
            regions:
              us-east-1:
                trails: [{ name: main, logGroup: trail-logs }]
                logGroups: [{ name: trail-logs }]
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("tocsin-canary-").FullName;
    private readonly StringBuilder _printed = new();
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await EmulatorHost.StartAsync(Scenario.Parse(Organization, "canary.yaml"), faults: null, port: 0);

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string In(string name) => Path.Combine(_folder, name);

    private CliRun Run(params string[] args)
    {
        var run = CliRun.Of(args);
        _printed.Append(run.Out).Append(run.Error);
        run.ExitCode.ShouldBeLessThan(2, $"{string.Join(' ', args)}: {run.Error}");
        return run;
    }

    [Fact]
    public async Task No_output_log_report_plan_snapshot_or_store_holds_a_secret_or_a_session_token()
    {
        var endpoint = _emulator.Endpoint.ToString();
        using var sts = new AmazonSecurityTokenServiceClient(new BasicAWSCredentials(CanaryKey, CanarySecret),
            new AmazonSecurityTokenServiceConfig { ServiceURL = endpoint, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        var assumed = (await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole", RoleSessionName = "canary" })).Credentials;
        string[] canaries = [CanarySecret, assumed.SecretAccessKey, assumed.SessionToken];
        var store = In("runs.db");
        string[] scan = ["--endpoint-url", endpoint, "--region", "us-east-1", "--controls", "console-signin-without-mfa"];

        using (new EnvironmentKey(CanaryKey, CanarySecret))
        {
            Run(["scan", .. scan, "--org", "--role-name", "OrganizationAccountAccessRole", "--verbose", "--store", store, "--format", "json"]);
        }

        using (new EnvironmentKey(assumed.AccessKeyId, assumed.SecretAccessKey, sessionToken: assumed.SessionToken))
        {
            var verbose = Run(["scan", .. scan, "--verbose", "--store", store, "--snapshot-out", In("snapshot.json"),
                "--format", "text,json,sarif,ocsf,asff,csv,junit,html", "--output-dir", In("reports")]);
            verbose.Error.ShouldContain("cloudtrail:DescribeTrails account=222222222222 region=us-east-1 status=200");
            Run("evaluate", In("snapshot.json"), "--store", store, "--format", "json");
            foreach (var format in new[] { "text", "json", "cli", "cloudformation", "terraform", "stackset", "conformance-pack", "scp" })
            {
                string[] admin = format == "scp" ? ["--admin-role-arn", "arn:aws:iam::222222222222:role/Administrator"] : [];
                Run(["remediate", .. scan, "--notify", "email:security@example.com", "--format", format, "--output", In($"plan.{format}"), .. admin]);
            }

            Run(["remediate", .. scan, "--notify", "email:security@example.com", "--apply", "--yes", "--verbose", "--store", store,
                "--report-format", "json,html,sarif", "--report-dir", In("after")]);
        }

        Run("history", "--store", store, "--format", "json");
        Run("diff", "--store", store, "--format", "json");
        Run("report", "--store", store, "--format", "html", "--output", In("stored.html"));
        SqliteConnection.ClearAllPools();

        var written = Directory.EnumerateFiles(_folder, "*", SearchOption.AllDirectories).ToList();
        written.Count.ShouldBeGreaterThan(15);
        written.ShouldContain(store);
        foreach (var canary in canaries)
        {
            _printed.ToString().ShouldNotContain(canary);
            foreach (var file in written)
            {
                // The store's bytes too, pages and journal included.
                Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)).ShouldNotContain(canary, customMessage: file);
            }
        }
    }
}
