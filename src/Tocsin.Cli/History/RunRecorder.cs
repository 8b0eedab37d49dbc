using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Reports;
using Tocsin.Store;

namespace Tocsin.Cli.History;

/// <summary>
/// Records one command's run in the store once its findings are known: what kind of run, what it covered, when, who
/// scanned and at what cost, the findings, the exceptions in force and the remediation steps applied.
/// </summary>
/// <param name="store">The open store, or null with <c>--no-store</c> (then nothing is recorded).</param>
internal sealed class RunRecorder(RunStore? store, string kind, ReportSource source, RunScope scope, CliConsole console)
{
    private readonly DateTimeOffset _started = DateTimeOffset.UtcNow;

    /// <summary><c>--run-id</c>, shared by the shards of one run; a new id otherwise.</summary>
    public string? RunId { get; init; }

    /// <summary><c>--shard I/N</c>: this process records part I of N.</summary>
    public RunShard? Shard { get; init; }

    /// <summary>The id the last <see cref="Record"/> wrote, for the message and for tests.</summary>
    public string? Recorded { get; private set; }

    /// <summary>Records the run; a store that refuses it is a usage error (the report is already written, so nothing is lost).</summary>
    public void Record(RunResult result, CloudInventory inventory, IReadOnlyList<ExceptionEntry> exceptions, IReadOnlyList<AppliedStep>? steps = null)
    {
        if (store is null)
        {
            return;
        }

        var id = RunId ?? RunIds.New(_started);
        try
        {
            store.Record(new RunRecord(id, kind, SourceName(source), scope.Description, scope.Key, ToolInfo.Version, _started, DateTimeOffset.UtcNow, result)
            {
                Caller = result.Collection?.Caller,
                Shard = Shard,
                Exceptions = exceptions,
                Inventory = inventory,
                Steps = steps ?? [],
            });
        }
        catch (StoreException refused)
        {
            throw new UsageException($"the run was not recorded: {refused.Message}");
        }

        Recorded = id;
        console.Error.WriteLine(Shard is null
            ? $"Recorded run {id} in {store.Location.Display}."
            : $"Recorded shard {Shard} of run {id} in {store.Location.Display}.");
    }

    public static string SourceName(ReportSource source) => source switch
    {
        ReportSource.Live => "live",
        ReportSource.Snapshot => "snapshot",
        _ => "code",
    };
}

/// <summary>What a run covered, in words and as a key: <c>tocsin diff</c> compares a run with the last one of the same key.</summary>
internal sealed record RunScope(string Description, string Key)
{
    public static RunScope Of(params string?[] parts)
    {
        var given = parts.OfType<string>().Where(p => p.Length > 0).ToList();
        return new RunScope(string.Join("; ", given), string.Join("|", given));
    }

    public static string Controls(IReadOnlyCollection<Core.Controls.Control> controls) =>
        controls.Count == Core.Controls.ControlCatalog.Default.All.Count ? "every control" : $"controls {string.Join(',', controls.Select(c => c.Id).Order(StringComparer.Ordinal))}";
}
