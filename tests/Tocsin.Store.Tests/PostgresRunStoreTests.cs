using Npgsql;
using Tocsin.Core.Findings;

namespace Tocsin.Store.Tests;

/// <summary>The store contract on PostgreSQL, each test on a fresh database of the server the tests start.</summary>
public sealed class PostgresRunStoreTests : RunStoreContract, IAsyncLifetime
{
    private readonly List<PostgresDatabase> _databases = [];

    protected override StoreLocation NewStore()
    {
        var database = PostgresDatabase.CreateAsync().GetAwaiter().GetResult();
        _databases.Add(database);
        return StoreLocation.Parse(database.Url);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }
    }

    [SkippableFact]
    public async Task Shards_recording_into_one_PostgreSQL_run_at_once_each_keep_their_part()
    {
        var location = NewStore();

        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
        {
            using var store = RunStore.Open(location);
            store.Record(Runs.Record("together", Runs.Monday.AddSeconds(i), [.. Enumerable.Range(0, 40).Select(a => Runs.Fail($"{100000000000 + (a * 6) + i}"))])
                with { Shard = new RunShard(i, 6) });
        })));

        using var reader = RunStore.Open(location);
        var run = reader.Find("together");
        run.Complete.ShouldBeTrue();
        reader.Result(run).Findings.Count.ShouldBe(240);
        reader.Result(run).Findings.ShouldAllBe(f => f.Outcome == Outcome.Fail);
    }
}
