using System.Net;
using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;
using Tocsin.Dashboard;
using Tocsin.Store;

namespace Tocsin.Dashboard.Tests;

/// <summary>
/// Stores the demo never makes: one whose names, messages and exception hold markup (every string from AWS or an
/// exceptions file reaches the page as text), and one with no run yet.
/// </summary>
public sealed class HostileStoreTests : IAsyncLifetime
{
    private const string Account = "<script>alert('account')</script>";
    private const string Message = "alarm <script>alert('message')</script> has no confirmed subscriber";
    private const string Owner = "<script>alert('owner')</script>";
    private const string RunId = "hostile-run";

    private DirectoryInfo? _folder;

    public Task InitializeAsync()
    {
        _folder = Directory.CreateTempSubdirectory("tocsin-dashboard-hostile-");
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _folder?.Delete(recursive: true);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/runs/hostile-run")]
    [InlineData("/runs/hostile-run/accounts/{account}/controls/console-signin-without-mfa")]
    [InlineData("/runs/hostile-run/accounts/111111111111/controls/console-signin-without-mfa")]
    [InlineData("/exceptions")]
    [InlineData("/diff")]
    public async Task Markup_in_an_account_a_message_a_scope_or_an_exception_is_shown_as_text(string path)
    {
        var location = HostileStore();
        await using var dashboard = await DashboardHost.StartAsync(location, "127.0.0.1", port: 0, token: null);
        using var client = new HttpClient { BaseAddress = dashboard.Url };

        using var response = await client.GetAsync(path.Replace("{account}", Uri.EscapeDataString(Account), StringComparison.Ordinal));
        var html = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldContain("&lt;script&gt;alert(");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/diff")]
    [InlineData("/exceptions")]
    [InlineData("/controls/console-signin-without-mfa")]
    public async Task A_store_with_no_run_yet_says_to_run_a_scan(string path)
    {
        var location = StoreLocation.Parse(Path.Combine(_folder!.FullName, "empty.db"));
        RunStore.Open(location).Dispose();
        await using var dashboard = await DashboardHost.StartAsync(location, "127.0.0.1", port: 0, token: null);
        using var client = new HttpClient { BaseAddress = dashboard.Url };

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The store holds no run yet: run `tocsin scan`");
    }

    /// <summary>One run: a failing finding of a hostile account, and a suppressed one whose exception has a hostile owner.</summary>
    private StoreLocation HostileStore()
    {
        var location = StoreLocation.Parse(Path.Combine(_folder!.FullName, "hostile.db"));
        var exception = new ExceptionEntry("console-signin-without-mfa", ["111111111111"], null, null, Owner, "<b>accepted</b> until the move", new DateOnly(2030, 1, 1), "exceptions.yaml", 3);
        var failing = new Finding("console-signin-without-mfa", Account, "us-east-1", Outcome.Fail, [ReasonCode.NoConfirmedSubscription], Message,
            new Evidence([$"arn:aws:cloudtrail:us-east-1:{Account}:trail/<img src=x onerror=alert(1)>"], []));
        var suppressed = new Finding("console-signin-without-mfa", "111111111111", "us-east-1", Outcome.Fail, [ReasonCode.NoAlarm], Message, Evidence.None)
        {
            SuppressedBy = exception,
        };
        var now = DateTimeOffset.UtcNow;
        using var store = RunStore.Open(location);
        store.Record(new RunRecord(RunId, RunKinds.Scan, "live", "<script>alert('scope')</script>", "scope", "0.1.0", now, now, RunResult.Of([failing, suppressed]))
        {
            Exceptions = [exception],
            Caller = "arn:aws:iam::111111111111:user/<script>alert('caller')</script>",
        });
        return location;
    }
}
