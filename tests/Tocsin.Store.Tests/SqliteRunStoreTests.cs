using Tocsin.Core.Findings;

namespace Tocsin.Store.Tests;

public sealed class SqliteRunStoreTests : RunStoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tocsin-store-").FullName;
    private int _stores;

    protected override StoreLocation NewStore() => StoreLocation.Parse(Path.Combine(_folder, $"nested/store-{++_stores}.db"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_file_that_is_not_a_SQLite_database_is_refused_in_words_and_left_as_it_was()
    {
        var path = Path.Combine(_folder, "notes.db");
        File.WriteAllText(path, "these are my notes, not a database; they must survive a mistaken --store\n");

        var refused = Should.Throw<StoreException>(() => RunStore.Open(StoreLocation.Parse(path)));

        refused.Message.ShouldBe($"the store at {path} cannot be used: it is not a SQLite database");
        File.ReadAllText(path).ShouldStartWith("these are my notes");
    }

    [Fact]
    public async Task Writers_on_separate_connections_at_once_each_record_their_whole_run()
    {
        var location = NewStore();
        RunStore.Open(location).Dispose();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            using var store = RunStore.Open(location);
            store.Record(Runs.Record($"writer-{i}", Runs.Monday.AddMinutes(i), [.. Enumerable.Range(0, 50).Select(a => Runs.Fail($"{100000000000 + a}"))]));
        })));

        using var reader = RunStore.Open(location);
        reader.Runs().Count.ShouldBe(8);
        reader.Runs().ShouldAllBe(r => r.Counts.Fail == 50);
    }
}
