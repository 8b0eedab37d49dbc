using Tocsin.Core.Findings;

namespace Tocsin.Store.Tests;

/// <summary>What every store, SQLite or PostgreSQL, keeps and gives back.</summary>
public abstract class RunStoreContract
{
    /// <summary>A new, empty store.</summary>
    protected abstract StoreLocation NewStore();

    private RunStore Open() => RunStore.Open(NewStore());

    [SkippableFact]
    public void A_recorded_run_gives_back_every_field_of_every_finding()
    {
        using var store = Open();
        var rich = Runs.Rich("222222222222");
        store.Record(Runs.Record("r1", Runs.Monday, rich, Runs.Pass("111111111111"), Runs.Error("333333333333")));

        var run = store.Find("r1");
        var result = store.Result(run);

        result.Findings.Count.ShouldBe(3);
        var back = result.Findings.Single(f => f.AccountId == "222222222222");
        Same(back, rich);
        result.Findings.Single(f => f.AccountId == "333333333333").Region.ShouldBeNull();
        run.Counts.ShouldBe(new FindingCounts(1, 0, 1, 1));
        run.Callers.ShouldBe(["arn:aws:iam::111111111111:user/auditor"]);
        run.Kind.ShouldBe(RunKinds.Scan);
        run.StartedAt.ShouldBe(Runs.Monday);
        run.FinishedAt.ShouldBe(Runs.Monday.AddMinutes(2));
    }

    [SkippableFact]
    public void Runs_come_back_oldest_first_and_latest_tilde_n_counts_back_from_the_newest()
    {
        using var store = Open();
        store.Record(Runs.Record("b-second", Runs.Monday.AddDays(1), Runs.Pass("111111111111")));
        store.Record(Runs.Record("a-first", Runs.Monday, Runs.Fail("111111111111")));
        store.Record(Runs.Record("c-third", Runs.Monday.AddDays(2), Runs.Pass("111111111111")));

        store.Runs().Select(r => r.Id).ShouldBe(["a-first", "b-second", "c-third"]);
        store.Find("latest").Id.ShouldBe("c-third");
        store.Find("latest~2").Id.ShouldBe("a-first");
        store.Find("b-").Id.ShouldBe("b-second");
        store.Previous(store.Find("latest"))!.Id.ShouldBe("b-second");
        store.Previous(store.Find("a-first")).ShouldBeNull();
    }

    [SkippableFact]
    public void A_name_that_fits_no_run_or_several_is_refused_in_words()
    {
        using var store = Open();
        Should.Throw<StoreException>(() => store.Find("latest")).Message.ShouldContain("holds no run yet");
        store.Record(Runs.Record("run-1", Runs.Monday, Runs.Pass("111111111111")));
        store.Record(Runs.Record("run-2", Runs.Monday.AddHours(1), Runs.Pass("111111111111")));

        Should.Throw<StoreException>(() => store.Find("nope")).Message.ShouldContain("there is no run `nope`");
        Should.Throw<StoreException>(() => store.Find("run-")).Message.ShouldContain("names 2 runs");
        Should.Throw<StoreException>(() => store.Find("latest~5")).Message.ShouldContain("holds 2 run(s)");
    }

    [SkippableFact]
    public void A_run_id_already_taken_is_refused_and_the_first_run_is_kept_whole()
    {
        using var store = Open();
        store.Record(Runs.Record("same", Runs.Monday, Runs.Pass("111111111111")));

        Should.Throw<StoreException>(() => store.Record(Runs.Record("same", Runs.Monday.AddDays(1), Runs.Fail("111111111111"), Runs.Fail("222222222222"))))
            .Message.ShouldContain("already recorded");
        store.Result(store.Find("same")).Findings.Select(f => f.Outcome).ShouldBe([Outcome.Pass]);
    }

    [SkippableFact]
    public void A_run_id_with_characters_unsafe_in_a_URL_or_a_shell_is_refused()
    {
        using var store = Open();
        Should.Throw<StoreException>(() => store.Record(Runs.Record("bad id;rm", Runs.Monday))).Message.ShouldContain("is not a run id");
    }

    [SkippableFact]
    public void The_shards_of_a_run_add_up_to_one_run_and_it_is_complete_when_every_shard_is_recorded()
    {
        using var store = Open();
        store.Record(Runs.Record("sharded", Runs.Monday.AddSeconds(5), Runs.Pass("111111111111")) with { Shard = new RunShard(1, 3) });
        store.Record(Runs.Record("sharded", Runs.Monday, Runs.Fail("222222222222")) with { Shard = new RunShard(0, 3) });

        var partial = store.Find("sharded");
        partial.Complete.ShouldBeFalse();
        partial.Parts.ShouldBe(2);
        partial.PartsExpected.ShouldBe(3);

        store.Record(Runs.Record("sharded", Runs.Monday.AddSeconds(9), Runs.Error("333333333333")) with { Shard = new RunShard(2, 3) });
        var run = store.Find("sharded");
        run.Complete.ShouldBeTrue();
        run.StartedAt.ShouldBe(Runs.Monday);
        run.FinishedAt.ShouldBe(Runs.Monday.AddSeconds(9).AddMinutes(2));
        store.Result(run).Findings.Select(f => f.AccountId).ShouldBe(["111111111111", "222222222222", "333333333333"]);
    }

    [SkippableFact]
    public void A_shard_recorded_again_by_a_retried_worker_replaces_its_part_and_no_other()
    {
        using var store = Open();
        store.Record(Runs.Record("retry", Runs.Monday, Runs.Fail("111111111111")) with { Shard = new RunShard(0, 2) });
        store.Record(Runs.Record("retry", Runs.Monday, Runs.Pass("222222222222")) with { Shard = new RunShard(1, 2) });
        store.Record(Runs.Record("retry", Runs.Monday, Runs.Pass("111111111111")) with { Shard = new RunShard(0, 2) });

        var run = store.Find("retry");
        run.Parts.ShouldBe(2);
        store.Result(run).Findings.Select(f => (f.AccountId, f.Outcome)).ShouldBe([("111111111111", Outcome.Pass), ("222222222222", Outcome.Pass)]);
    }

    [SkippableFact]
    public void A_shard_of_another_scope_or_shard_count_cannot_join_a_run()
    {
        using var store = Open();
        store.Record(Runs.Record("one-run", Runs.Monday, Runs.Pass("111111111111")) with { Shard = new RunShard(0, 2) });

        Should.Throw<StoreException>(() => store.Record(Runs.Record("one-run", Runs.Monday) with { Shard = new RunShard(1, 2), ScopeKey = "other" }))
            .Message.ShouldContain("another scope");
        Should.Throw<StoreException>(() => store.Record(Runs.Record("one-run", Runs.Monday) with { Shard = new RunShard(1, 3) }))
            .Message.ShouldContain("already recorded");
    }

    [SkippableFact]
    public void Exceptions_in_force_steps_applied_and_the_inventory_read_are_kept_with_the_run()
    {
        using var store = Open();
        var inventory = Runs.Inventory("good");
        store.Record(Runs.Record("kept", Runs.Monday, Runs.Pass("111111111111")) with
        {
            Exceptions = [Runs.Exception],
            Steps = [new AppliedStep("111111111111", "us-east-1", "subscribe", "no-confirmed-subscription", "Subscribe security@example.com to topic t", "applied", "subscription pending confirmation")],
            Inventory = inventory,
        });

        var run = store.Find("kept");
        Same(store.Exceptions(run).Single(), Runs.Exception);
        store.Steps(run).Single().Outcome.ShouldBe("applied");
        store.Inventory(run).ShouldNotBeNull().Accounts.Select(a => a.Id).ShouldBe(inventory.Accounts.Select(a => a.Id));
    }

    [SkippableFact]
    public void The_trend_lists_each_account_and_control_in_every_run_since_a_time()
    {
        using var store = Open();
        store.Record(Runs.Record("t1", Runs.Monday, Runs.Fail("111111111111")));
        store.Record(Runs.Record("t2", Runs.Monday.AddDays(1), Runs.Pass("111111111111")));

        store.Trend().Select(p => (p.RunId, p.Outcome)).ShouldBe([("t1", Outcome.Fail), ("t2", Outcome.Pass)]);
        store.Trend(Runs.Monday.AddHours(1)).Select(p => p.RunId).ShouldBe(["t2"]);
    }

    [SkippableFact]
    public void Opening_a_store_again_keeps_its_runs_and_does_not_migrate_twice()
    {
        var location = NewStore();
        using (var first = RunStore.Open(location))
        {
            first.Record(Runs.Record("kept", Runs.Monday, Runs.Pass("111111111111")));
        }

        using var again = RunStore.Open(location);
        again.Runs().Single().Id.ShouldBe("kept");
    }

    private static void Same(Finding actual, Finding expected)
    {
        (actual with { Reasons = [], Evidence = Evidence.None, Pattern = null, SuppressedBy = null, Locations = null, OtherChain = null })
            .ShouldBe(expected with { Reasons = [], Evidence = Evidence.None, Pattern = null, SuppressedBy = null, Locations = null, OtherChain = null });
        actual.Reasons.ShouldBe(expected.Reasons);
        actual.Evidence.Chain.ShouldBe(expected.Evidence.Chain);
        actual.Evidence.Candidates.ShouldBe(expected.Evidence.Candidates);
        (actual.Pattern is null).ShouldBe(expected.Pattern is null);
        if (expected.Pattern is { } pattern)
        {
            (actual.Pattern! with { Missed = [], Extra = [] }).ShouldBe(pattern with { Missed = [], Extra = [] });
            actual.Pattern!.Missed.ShouldBe(pattern.Missed);
            actual.Pattern!.Extra.ShouldBe(pattern.Extra);
        }

        if (expected.SuppressedBy is { } exception)
        {
            Same(actual.SuppressedBy.ShouldNotBeNull(), exception);
        }

        (actual.Locations ?? []).ShouldBe(expected.Locations ?? []);
        (actual.OtherChain is null).ShouldBe(expected.OtherChain is null);
        if (expected.OtherChain is { } other)
        {
            (actual.OtherChain! with { Reasons = [], Evidence = [] }).ShouldBe(other with { Reasons = [], Evidence = [] });
            actual.OtherChain!.Reasons.ShouldBe(other.Reasons);
            actual.OtherChain!.Evidence.ShouldBe(other.Evidence);
        }
    }

    private static void Same(Core.Exceptions.ExceptionEntry actual, Core.Exceptions.ExceptionEntry expected)
    {
        (actual with { Accounts = [] }).ShouldBe(expected with { Accounts = [] });
        actual.Accounts.ShouldBe(expected.Accounts);
    }

    [SkippableFact]
    public void A_store_written_by_a_newer_Tocsin_is_refused_with_both_schema_versions()
    {
        var location = NewStore();
        using (var store = RunStore.Open(location))
        {
            store.ExecuteForTest($"INSERT INTO tocsin_schema (version) VALUES ({Schema.Latest + 1})");
        }

        var refused = Should.Throw<StoreException>(() => RunStore.Open(location));
        refused.Message.ShouldContain("newer Tocsin");
        refused.Message.ShouldContain($"schema version {Schema.Latest + 1}; this one knows up to {Schema.Latest}");
    }
}
