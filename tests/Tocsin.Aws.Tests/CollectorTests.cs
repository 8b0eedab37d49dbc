using Amazon.Runtime;
using Tocsin.Aws.Collection;
using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Inventory.Snapshots;
using Tocsin.Emulator;

namespace Tocsin.Aws.Tests;

public sealed class CollectorTests : IAsyncLifetime
{
    private EmulatorHost _emulator = null!;

    public async Task InitializeAsync() => _emulator = await EmulatorHost.StartAsync(DemoOrganization.Scenario, faults: null, port: 0);

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private Task<CollectResult> CollectAsync(Func<CollectRequest, CollectRequest> change, IProgress<CollectProgress>? progress = null) =>
        DemoOrganization.Collector().CollectAsync(change(DemoOrganization.Request(_emulator)), progress);

    [Fact]
    public async Task Without_an_organization_only_the_callers_account_is_read()
    {
        var result = await CollectAsync(r => r with { Organization = null, Accounts = [] });
        result.Inventory.Accounts.Select(a => a.Id).ShouldBe([DemoOrganization.Management]);
        result.Inventory.Organization.ShouldBeNull();
    }

    [Fact]
    public async Task Only_accounts_narrows_the_organization_to_the_accounts_named()
    {
        var result = await CollectAsync(r => r with { OnlyAccounts = ["222222222222", "555555555555"] });
        result.Inventory.Accounts.Select(a => a.Id).ShouldBe(["222222222222", "555555555555"]);
    }

    [Fact]
    public async Task Regions_asked_for_are_read_without_asking_for_the_enabled_ones()
    {
        var result = await CollectAsync(r => r with { Regions = ["us-east-1"], Organization = null, Accounts = [] });
        result.Inventory.Accounts.Single().Regions.Value.Select(region => region.Name).ShouldBe(["us-east-1"]);
        result.Summary.Accounts.Single().ByAction.ShouldNotContainKey("ec2:DescribeRegions");
    }

    [Fact]
    public async Task An_account_whose_role_cannot_be_assumed_is_an_access_denied_error_and_the_others_are_read()
    {
        var result = await CollectAsync(r => r with { Accounts = [new AccountTarget("444444444444", "NoSuchRole")], OnlyAccounts = ["111111111111", "444444444444"] });
        var denied = result.Inventory.FindAccount("444444444444")!;
        denied.Regions.Unknown!.ToString().ShouldBe("access-denied: could not assume arn:aws:iam::444444444444:role/NoSuchRole: AccessDenied");
        result.Inventory.FindAccount("111111111111")!.Regions.IsKnown.ShouldBeTrue();
        var finding = new ChainEvaluator(EvaluationOptions.Default).Evaluate(result.Inventory, denied, ControlCatalog.Default.Find("console-signin-without-mfa")!);
        finding.Outcome.ShouldBe(Outcome.Error);
    }

    [Fact]
    public async Task Listing_the_organization_from_a_member_account_is_refused_with_what_to_do()
    {
        var problem = await Should.ThrowAsync<CollectionException>(() => CollectAsync(r => r with { StartingCredentials = new BasicAWSCredentials("AKIADEMO000000000002", "demo-secret-prod") }));
        problem.Message.ShouldBe("Cannot list the organization's accounts as arn:aws:iam::222222222222:user/auditor: AccessDeniedException (You don't have permissions to access this resource.). Run from the management account or a delegated administrator, or name the accounts instead.");
    }

    [Fact]
    public async Task Credentials_that_do_not_work_stop_the_scan_without_showing_the_secret()
    {
        var problem = await Should.ThrowAsync<CollectionException>(() => CollectAsync(r => r with { StartingCredentials = new BasicAWSCredentials("AKIADEMO000000000001", "wrong-secret-value") }));
        problem.Message.ShouldStartWith("The starting credentials do not work: sts:GetCallerIdentity answered SignatureDoesNotMatch");
        problem.ToString().ShouldNotContain("wrong-secret-value");
    }

    [Fact]
    public async Task An_endpoint_nobody_answers_is_reported_as_unreachable_not_as_bad_credentials()
    {
        using var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var collector = new Collector(new CollectorOptions { Delay = (_, _) => Task.CompletedTask });

        var problem = await Should.ThrowAsync<CollectionException>(() => collector.CollectAsync(
            DemoOrganization.Request(_emulator) with { EndpointUrl = new Uri($"http://127.0.0.1:{port}/") }));

        problem.Message.ShouldStartWith("AWS could not be reached: sts:GetCallerIdentity failed with ConnectionError");
    }

    [Fact]
    public async Task Progress_is_reported_as_each_account_finishes()
    {
        var reports = new List<CollectProgress>();
        var result = await CollectAsync(r => r with { Concurrency = 1, Evidence = EvidenceScope.Full }, new SynchronousProgress<CollectProgress>(reports.Add));
        reports.Select(p => p.AccountsDone).ShouldBe(Enumerable.Range(0, 11));
        reports.ShouldAllBe(p => p.AccountsTotal == 10);
        reports[^1].Calls.ShouldBeGreaterThan(reports[1].Calls);
        reports.Select(p => p.Calls).ShouldBeInOrder(SortDirection.Ascending);
        reports[^1].Calls.ShouldBe(result.Summary.Calls); // every account read fully: no call after the last account
    }

    [Fact]
    public async Task The_collected_inventory_survives_a_snapshot_and_evaluates_the_same()
    {
        var result = await CollectAsync(r => r);
        var replayed = Snapshot.Parse(Snapshot.ToJson(result.Inventory), "scan.json");
        var controls = ControlCatalog.Default.All;
        var evaluator = new ChainEvaluator(EvaluationOptions.Default);
        new ChainEvaluator(EvaluationOptions.Default).Evaluate(replayed, controls).Findings.Select(f => (f.AccountId, f.ControlId, f.Outcome))
            .ShouldBe(evaluator.Evaluate(result.Inventory, controls).Findings.Select(f => (f.AccountId, f.ControlId, f.Outcome)));
    }

    [Fact]
    public async Task The_AWS_ENDPOINT_URL_variable_points_every_call_at_its_endpoint()
    {
        var collector = new Collector(new CollectorOptions { Environment = name => name == "AWS_ENDPOINT_URL" ? _emulator.Endpoint.ToString() : null });
        var result = await collector.CollectAsync(DemoOrganization.Request(_emulator) with { EndpointUrl = null, Organization = null, Accounts = [] });
        result.Inventory.Accounts.Single().Id.ShouldBe(DemoOrganization.Management);
    }

    [Fact]
    public async Task No_secret_reaches_the_snapshot_or_the_run_summary()
    {
        var result = await CollectAsync(r => r);
        var written = Snapshot.ToJson(result.Inventory) + System.Text.Json.JsonSerializer.Serialize(result.Summary);
        written.ShouldNotContain("demo-secret");
        written.ShouldNotContain("SecretAccessKey");
        written.ShouldNotContain("SessionToken");
    }

    [Fact]
    public async Task A_region_asked_for_that_the_account_has_not_enabled_is_unavailable_not_denied()
    {
        var result = await CollectAsync(r => r with { Regions = ["us-east-1", "af-south-1"], Organization = null, Accounts = [] });
        var region = result.Inventory.Accounts.Single().FindRegion("af-south-1")!;
        region.Trails.Unknown!.Reason.ShouldBe(UnknownReason.Unavailable);
        result.Inventory.Accounts.Single().FindRegion("us-east-1")!.Trails.IsKnown.ShouldBeTrue();
    }

    [Fact]
    public async Task A_concurrency_below_one_is_refused()
    {
        (await Should.ThrowAsync<ArgumentException>(() => CollectAsync(r => r with { Concurrency = 0 }))).Message.ShouldStartWith("The concurrency must be at least 1, not 0.");
    }

    [Fact]
    public async Task Regions_without_a_trail_log_group_say_their_filters_were_not_collected()
    {
        var result = await CollectAsync(r => r with { Organization = null, Accounts = [] });
        var quiet = result.Inventory.Accounts.Single().FindRegion("eu-west-1")!;
        quiet.MetricFilters.Unknown!.Reason.ShouldBe(UnknownReason.NotCollected);
        quiet.Trails.IsKnown.ShouldBeTrue();
    }

    [Fact]
    public async Task Results_of_several_targets_merge_into_one_inventory_and_summary()
    {
        var management = await CollectAsync(r => r with { Organization = null, Accounts = [] });
        var standalone = await CollectAsync(r => r with { Organization = null, Accounts = [new AccountTarget("444444444444", "TocsinAuditRole")] });
        var merged = CollectResult.Merge([management, standalone]);
        merged.Inventory.Accounts.Select(a => a.Id).ShouldBe([DemoOrganization.Management, "444444444444"]);
        merged.Summary.Calls.ShouldBe(management.Summary.Calls + standalone.Summary.Calls);
        merged.Summary.Accounts.Single(a => a.AccountId == DemoOrganization.Management).ByAction["sts:GetCallerIdentity"].ShouldBe(2);
    }

    /// <summary>Reports on the caller's thread, so the list is complete when the collection returns.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value)
        {
            lock (this)
            {
                report(value);
            }
        }
    }
}
