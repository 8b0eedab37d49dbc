using Tocsin.Store;

namespace Tocsin.Dashboard.Pages;

/// <summary>
/// One request's view of the store: its runs read once, the run a URL names (a 404 when there is none), the latest
/// run (the empty-store page when there is none yet).
/// </summary>
internal sealed class StoreView(RunStore store)
{
    private IReadOnlyList<StoredRun>? _runs;

    public RunStore Store => store;

    public string Display => store.Location.Display;

    /// <summary>Every run, oldest first.</summary>
    public IReadOnlyList<StoredRun> Runs => _runs ??= store.Runs();

    public StoredRun Latest() => Runs.Count == 0 ? throw new EmptyStoreException() : Runs[^1];

    /// <summary>The run an id, an id's prefix, <c>latest</c> or <c>latest~N</c> names.</summary>
    public StoredRun Run(string name)
    {
        if (Runs.Count == 0)
        {
            throw new EmptyStoreException();
        }

        try
        {
            return store.Find(name);
        }
        catch (StoreException missing)
        {
            throw new PageNotFoundException(missing.Message);
        }
    }
}

/// <summary>The store holds no run yet: every page says how to record one.</summary>
internal sealed class EmptyStoreException() : Exception("the store holds no run yet");
