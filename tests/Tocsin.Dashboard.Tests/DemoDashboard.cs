using Tocsin.Cli;
using Tocsin.Core.Findings;
using Tocsin.Dashboard;
using Tocsin.Store;

namespace Tocsin.Dashboard.Tests;

/// <summary>
/// The demo run once in-process into a store of its own (its first scan, the remediation runs of its fix, and the
/// scan after it), and the dashboard serving that store on a free loopback port, for every test of the collection.
/// </summary>
public sealed class DemoDashboard : IAsyncLifetime
{
    private DirectoryInfo? _folder;
    private DashboardHost? _host;

    public StoreLocation Location { get; private set; } = null!;

    public Uri Url => _host!.Url;

    public HttpClient Client { get; private set; } = null!;

    /// <summary>Every run the demo recorded, oldest first.</summary>
    public IReadOnlyList<StoredRun> Runs { get; private set; } = [];

    /// <summary>The demo's first scan, before the fix.</summary>
    public StoredRun First => Runs[0];

    /// <summary>The demo's last scan, after the fix.</summary>
    public StoredRun Last => Runs[^1];

    public async Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("tocsin-dashboard-tests-");
        var path = Path.Combine(_folder.FullName, "tocsin.db");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await Task.Run(() => TocsinCommand.Run(["demo", "--store", path], output, error));
        if (exit != ExitCodes.Ok)
        {
            throw new InvalidOperationException($"the demo exited {exit}: {error}");
        }

        Location = StoreLocation.Parse(path);
        using (var store = RunStore.Open(Location))
        {
            Runs = store.Runs();
            AppliedRun = Runs.First(run => run.Kind == RunKinds.Remediate && store.Steps(run).Count > 0);
        }

        _host = await DashboardHost.StartAsync(Location, "127.0.0.1", port: 0, token: null);
        Client = new HttpClient { BaseAddress = _host.Url };
    }

    public async Task DisposeAsync()
    {
        Client?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _folder?.Delete(recursive: true);
    }

    public RunResult Result(StoredRun run)
    {
        using var store = RunStore.Open(Location);
        return store.Result(run);
    }

    /// <summary>Each account × control of the run and how it stands: the worst of its findings (fail, error, suppressed, pass).</summary>
    public IReadOnlyDictionary<(string Account, string Control), string> Standings(StoredRun run) =>
        Result(run).Findings
            .GroupBy(f => (f.AccountId, f.ControlId))
            .ToDictionary(g => g.Key, g => g.Select(StandingOf).OrderBy(Rank).First());

    /// <summary>The first remediation run that applied steps (the demo's fix of its standalone accounts).</summary>
    public StoredRun AppliedRun { get; private set; } = null!;

    /// <summary>An account that fails in the first scan, and one that passes in it.</summary>
    public string FirstFailingAccount => Result(First).Findings.First(f => f.Outcome == Outcome.Fail).AccountId;

    /// <summary>An account whose first-scan finding has a link to build, not only a subscription to confirm by hand.</summary>
    public string FirstAccountMissingResources =>
        Result(First).Findings.First(f => f.Outcome == Outcome.Fail && f.Reasons.Any(r => r != ReasonCode.NoConfirmedSubscription)).AccountId;

    public string FirstPassingAccount => Result(First).Findings.First(f => f.Outcome == Outcome.Pass).AccountId;

    public const string SeedControl = "console-signin-without-mfa";

    private static string StandingOf(Finding finding) =>
        finding.Suppressed ? "suppressed" : finding.Outcome switch
        {
            Outcome.Pass => "pass",
            Outcome.Fail => "fail",
            _ => "error",
        };

    private static int Rank(string standing) => Array.IndexOf(["fail", "error", "suppressed", "pass"], standing);
}

[CollectionDefinition(Name)]
public sealed class DemoDashboardCollection : ICollectionFixture<DemoDashboard>
{
    public const string Name = "the demo's dashboard";
}
