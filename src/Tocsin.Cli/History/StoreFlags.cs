using System.CommandLine;
using Tocsin.Store;

namespace Tocsin.Cli.History;

/// <summary>
/// <c>--store PATH|postgresql://…</c> and <c>--no-store</c>: where the commands that judge findings record their runs,
/// and where <c>history</c>, <c>diff</c>, <c>report</c> and <c>serve</c> read them. The default is a SQLite file in
/// the user's data directory (or <c>TOCSIN_STORE</c>).
/// </summary>
internal sealed class StoreFlags
{
    private readonly Option<string?> _store = new("--store") { Description = $"The run store: a SQLite file, or postgresql://user@host:port/database (default: ${StoreLocation.EnvironmentVariable}, else tocsin/tocsin.db in the user's data directory)." };
    private readonly Option<bool> _noStore = new("--no-store") { Description = "Do not record this run." };
    private readonly Option<string?> _runId = new("--run-id") { Description = "The id to record the run under (default: a new one); the shards of one run (--shard) share it." };

    /// <summary>Adds <c>--store</c>, and <c>--no-store</c> when the command records runs (rather than reading them).</summary>
    /// <param name="defaultDescription">Where the command's store is when no flag names one, if not the usual default.</param>
    public void AddTo(Command command, bool records, string? defaultDescription = null)
    {
        if (defaultDescription is not null)
        {
            _store.Description = $"The run store: a SQLite file, or postgresql://user@host:port/database (default: {defaultDescription}).";
        }

        command.Options.Add(_store);
        if (records)
        {
            command.Options.Add(_noStore);
        }
    }

    /// <summary>Adds <c>--run-id</c>, checked before any work.</summary>
    public void AddRunIdTo(Command command)
    {
        command.Options.Add(_runId);
        command.Validators.Add(result =>
        {
            if (result.GetValue(_runId) is { } id && !RunIds.IsValid(id))
            {
                result.AddError($"--run-id: `{id}` is not a run id (letters, digits, . _ - : and at most 128 characters)");
            }
            else if (result.GetValue(_runId) is not null && result.GetValue(_noStore))
            {
                result.AddError("--run-id names the run to record, and --no-store records none: give one");
            }
        });
    }

    /// <summary><c>--run-id</c>, or null for a new id.</summary>
    public string? RunId(ParseResult parse) => parse.GetValue(_runId);

    /// <summary>The store the flags choose, null with <c>--no-store</c>. A bad location is a usage error.</summary>
    public StoreLocation? Location(ParseResult parse)
    {
        try
        {
            return StoreLocation.Resolve(parse.GetValue(_store), parse.GetValue(_noStore), Environment.GetEnvironmentVariable);
        }
        catch (StoreException invalid)
        {
            throw new UsageException(invalid.Message);
        }
    }

    /// <summary>
    /// Opens the store before any work, so a store that cannot be used wastes no API call; null with <c>--no-store</c>.
    /// A store the user named (<c>--store</c>, <c>TOCSIN_STORE</c>) that cannot be used is a usage error; the default
    /// one (a read-only home in a container, say) only costs the record: the run goes on, and says so once.
    /// </summary>
    public RunStore? Open(ParseResult parse, CliConsole console)
    {
        if (Location(parse) is not { } location)
        {
            return null;
        }

        var named = parse.GetValue(_store) is not null || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(StoreLocation.EnvironmentVariable));
        try
        {
            return RunStore.Open(location);
        }
        catch (StoreException problem) when (!named)
        {
            console.Error.WriteLine($"this run is not recorded: {problem.Message} (give --store, or --no-store to say so)");
            return null;
        }
        catch (StoreException problem)
        {
            throw new UsageException(problem.Message);
        }
    }

    /// <summary>As <see cref="Open(ParseResult, CliConsole)"/>, with <paramref name="fallback"/> where neither flag nor environment names a store.</summary>
    public RunStore? Open(ParseResult parse, CliConsole console, Func<StoreLocation> fallback)
    {
        if (parse.GetValue(_noStore))
        {
            return null;
        }

        return parse.GetValue(_store) is null ? OpenAt(fallback()) : Open(parse, console);
    }

    /// <summary>Opens the store to read it; it must exist (a SQLite file that is not there yet holds no runs).</summary>
    public RunStore OpenExisting(ParseResult parse)
    {
        var location = Location(parse) ?? throw new UsageException("--no-store: there is nothing to read");
        if (location.Kind == StoreKind.Sqlite && !File.Exists(location.Display))
        {
            throw new UsageException($"there is no store at {location.Display} yet: `tocsin scan` records runs there (or give --store)");
        }

        return OpenAt(location);
    }

    private static RunStore OpenAt(StoreLocation location)
    {
        try
        {
            return RunStore.Open(location);
        }
        catch (StoreException problem)
        {
            throw new UsageException(problem.Message);
        }
    }
}
