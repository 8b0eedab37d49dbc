using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Inventory.Snapshots;

namespace Tocsin.Store;

/// <summary>
/// Every scan, evaluation, iac run and remediation apply, kept: the run (who, when, what, what it cost), its findings,
/// the exceptions in force and the remediation steps applied. One SQLite file or one PostgreSQL database; opening it
/// migrates it to this build's schema, and a store from a newer Tocsin is refused. Each run part is written in one
/// transaction, so two processes writing at once never leave half a run.
/// </summary>
public sealed class RunStore : IDisposable
{
    private readonly DbConnection _connection;

    private RunStore(StoreLocation location, DbConnection connection)
    {
        Location = location;
        _connection = connection;
    }

    public StoreLocation Location { get; }

    /// <summary>Opens (creating a SQLite file and its folder when missing) and migrates the store.</summary>
    public static RunStore Open(StoreLocation location)
    {
        DbConnection? connection = null;
        try
        {
            connection = Connect(location);
            var store = new RunStore(location, connection);
            store.Migrate();
            return store;
        }
        catch (Exception problem) when (problem is DbException or IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            connection?.Dispose();
            throw new StoreException($"the store at {location.Display} cannot be used: {Describe(problem)}", problem);
        }
        catch (StoreException)
        {
            connection?.Dispose();
            throw;
        }
    }

    public void Dispose() => _connection.Dispose();

    /// <summary>
    /// Records one run, or one shard's part of a run. A shard that records its part again (a retried worker) replaces
    /// it; a run id already taken by another run, another scope or another shard count is refused.
    /// </summary>
    public void Record(RunRecord run)
    {
        if (!RunIds.IsValid(run.Id))
        {
            throw new StoreException($"--run-id: `{run.Id}` is not a run id (letters, digits, . _ - : and at most 128 characters)");
        }

        var expected = run.Shard?.Count ?? 1;
        var part = run.Shard?.Index ?? 0;
        Write(() =>
        {
            using var transaction = Begin();
            var existing = Query(transaction, "SELECT kind, scope_key, parts_expected FROM runs WHERE id = @id", [("id", run.Id)],
                row => (Kind: row.GetString(0), ScopeKey: row.GetString(1), Parts: Int(row, 2))).FirstOrDefault();
            if (existing != default)
            {
                if (run.Shard is null || existing.Parts != expected)
                {
                    throw new StoreException($"run {run.Id} is already recorded in {Location.Display}: give a new --run-id (the shards of one run share an id and the same --shard count)");
                }

                if (existing.Kind != run.Kind || existing.ScopeKey != run.ScopeKey)
                {
                    throw new StoreException($"run {run.Id} was recorded by shards of another scope ({existing.Kind}); every shard of a run must scan the same organization, regions and controls");
                }

                foreach (var table in new[] { "findings", "run_exceptions", "run_steps", "run_inventories", "run_parts" })
                {
                    Execute(transaction, $"DELETE FROM {table} WHERE run_id = @id AND part = @part", [("id", run.Id), ("part", part)]);
                }
            }
            else
            {
                Execute(transaction, """
                    INSERT INTO runs (id, kind, source, scope, scope_key, tool_version, parts_expected, created_at)
                    VALUES (@id, @kind, @source, @scope, @scopeKey, @version, @parts, @created)
                    ON CONFLICT (id) DO NOTHING
                    """,
                    [("id", run.Id), ("kind", run.Kind), ("source", run.Source), ("scope", run.Scope), ("scopeKey", run.ScopeKey),
                     ("version", run.ToolVersion), ("parts", expected), ("created", Time(run.StartedAt))]);
            }

            var collection = run.Result.Collection;
            Execute(transaction, """
                INSERT INTO run_parts (run_id, part, started_at, finished_at, caller, api_calls, throttles, retries, failures)
                VALUES (@id, @part, @started, @finished, @caller, @calls, @throttles, @retries, @failures)
                """,
                [("id", run.Id), ("part", part), ("started", Time(run.StartedAt)), ("finished", Time(run.FinishedAt)), ("caller", run.Caller),
                 ("calls", collection?.Calls ?? 0), ("throttles", collection?.Throttles ?? 0), ("retries", collection?.Retries ?? 0), ("failures", collection?.Failures ?? 0)]);

            foreach (var finding in run.Result.Findings)
            {
                Execute(transaction, """
                    INSERT INTO findings (run_id, part, account_id, control_id, region, outcome, suppressed, reasons, message, body)
                    VALUES (@id, @part, @account, @control, @region, @outcome, @suppressed, @reasons, @message, @body)
                    """,
                    [("id", run.Id), ("part", part), ("account", finding.AccountId), ("control", finding.ControlId), ("region", finding.Region ?? ""),
                     ("outcome", finding.Outcome.ToCode()), ("suppressed", finding.Suppressed ? 1 : 0),
                     ("reasons", string.Join(' ', finding.Reasons.Select(r => r.ToCode()))), ("message", finding.Message), ("body", FindingJson.Write(finding))]);
            }

            foreach (var (exception, seq) in run.Exceptions.Select((e, i) => (e, i)))
            {
                Execute(transaction, """
                    INSERT INTO run_exceptions (run_id, part, seq, control, owner, expires, body)
                    VALUES (@id, @part, @seq, @control, @owner, @expires, @body)
                    """,
                    [("id", run.Id), ("part", part), ("seq", seq), ("control", exception.Control), ("owner", exception.Owner),
                     ("expires", exception.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("body", ExceptionBody(exception))]);
            }

            foreach (var (step, seq) in run.Steps.Select((s, i) => (s, i)))
            {
                Execute(transaction, """
                    INSERT INTO run_steps (run_id, part, seq, account_id, region, kind, reason, description, outcome, detail)
                    VALUES (@id, @part, @seq, @account, @region, @kind, @reason, @description, @outcome, @detail)
                    """,
                    [("id", run.Id), ("part", part), ("seq", seq), ("account", step.AccountId), ("region", step.Region), ("kind", step.Kind),
                     ("reason", step.Reason), ("description", step.Description), ("outcome", step.Outcome), ("detail", step.Detail)]);
            }

            if (run.Inventory is { } inventory)
            {
                Execute(transaction, "INSERT INTO run_inventories (run_id, part, snapshot) VALUES (@id, @part, @snapshot)",
                    [("id", run.Id), ("part", part), ("snapshot", Snapshot.ToJson(inventory))]);
            }

            transaction.Commit();
        });
    }

    /// <summary>
    /// What the run read, its parts merged (an account two parts read keeps the reading that saw it); null when no
    /// part kept it. A snapshot the store holds is checked like any other.
    /// </summary>
    public CloudInventory? Inventory(StoredRun run)
    {
        var parts = Query(null, "SELECT part, snapshot FROM run_inventories WHERE run_id = @id ORDER BY part", [("id", run.Id)],
            row => (Part: Int(row, 0), Json: row.GetString(1)));
        if (parts.Count == 0)
        {
            return null;
        }

        try
        {
            var inventories = parts.Select(p => Snapshot.Parse(p.Json, $"run {run.Id} part {p.Part}")).ToList();
            return new CloudInventory(
                inventories.Select(i => i.Organization).FirstOrDefault(o => o is not null),
                [.. inventories.SelectMany(i => i.Accounts)
                    .GroupBy(a => a.Id, StringComparer.Ordinal)
                    .Select(copies => copies.FirstOrDefault(a => a.Regions.IsKnown) ?? copies.First())
                    .OrderBy(a => a.Id, StringComparer.Ordinal)],
                inventories.Select(i => i.CollectedAt).Max());
        }
        catch (SnapshotException invalid)
        {
            throw new StoreException($"the store at {Location.Display} holds an inventory this Tocsin cannot read: {invalid.Message}", invalid);
        }
    }

    /// <summary>Every run, oldest first.</summary>
    public IReadOnlyList<StoredRun> Runs()
    {
        var parts = Query(null, "SELECT run_id, started_at, finished_at, caller, api_calls, throttles, retries, failures FROM run_parts", [],
                row => (Run: row.GetString(0), Started: TimeOf(row.GetString(1)), Finished: TimeOf(row.GetString(2)), Caller: row.IsDBNull(3) ? null : row.GetString(3),
                    Calls: new ApiCalls(Int(row, 4), Int(row, 5), Int(row, 6), Int(row, 7))))
            .ToLookup(p => p.Run, StringComparer.Ordinal);
        var counts = Query(null, "SELECT run_id, outcome, suppressed, COUNT(*) FROM findings GROUP BY run_id, outcome, suppressed", [],
                row => (Run: row.GetString(0), Outcome: row.GetString(1), Suppressed: Int(row, 2) == 1, Count: Int(row, 3)))
            .ToLookup(c => c.Run, StringComparer.Ordinal);
        return Query(null, "SELECT id, kind, source, scope, scope_key, tool_version, parts_expected, created_at FROM runs ORDER BY created_at, id", [],
                row => (Id: row.GetString(0), Kind: row.GetString(1), Source: row.GetString(2), Scope: row.GetString(3), ScopeKey: row.GetString(4),
                    Version: row.GetString(5), Expected: Int(row, 6), Created: TimeOf(row.GetString(7))))
            .Select(run =>
            {
                var own = parts[run.Id].ToList();
                var found = counts[run.Id].ToList();
                int Count(string outcome) => found.Where(c => !c.Suppressed && c.Outcome == outcome).Sum(c => c.Count);
                return new StoredRun(
                    run.Id, run.Kind, run.Source, run.Scope, run.ScopeKey, run.Version,
                    own.Count == 0 ? run.Created : own.Min(p => p.Started),
                    own.Count == 0 ? run.Created : own.Max(p => p.Finished),
                    [.. own.Select(p => p.Caller).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                    own.Count,
                    run.Expected,
                    new ApiCalls(own.Sum(p => p.Calls.Calls), own.Sum(p => p.Calls.Throttles), own.Sum(p => p.Calls.Retries), own.Sum(p => p.Calls.Failures)),
                    new FindingCounts(Count("pass"), Count("fail"), Count("error"), found.Where(c => c.Suppressed).Sum(c => c.Count)));
            })
            .ToList();
    }

    /// <summary>
    /// The run a user names: its id, a prefix of one id, <c>latest</c>, or <c>latest~N</c> (the Nth before the latest).
    /// </summary>
    public StoredRun Find(string name)
    {
        var runs = Runs();
        if (runs.Count == 0)
        {
            throw new StoreException($"the store at {Location.Display} holds no run yet: run `tocsin scan` first");
        }

        if (name == "latest" || name.StartsWith("latest~", StringComparison.Ordinal))
        {
            var back = name == "latest" ? 0 : int.TryParse(name.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
            return back >= 0 && back < runs.Count
                ? runs[runs.Count - 1 - back]
                : throw new StoreException($"there is no run `{name}`: the store holds {runs.Count} run(s)");
        }

        var exact = runs.FirstOrDefault(r => r.Id == name);
        if (exact is not null)
        {
            return exact;
        }

        var matching = runs.Where(r => r.Id.StartsWith(name, StringComparison.Ordinal)).ToList();
        return matching.Count switch
        {
            1 => matching[0],
            0 => throw new StoreException($"there is no run `{name}` in {Location.Display}: `tocsin history --runs` lists them"),
            _ => throw new StoreException($"`{name}` names {matching.Count} runs ({string.Join(", ", matching.Take(3).Select(r => r.Id))}, ...): give more of the id"),
        };
    }

    /// <summary>The run before <paramref name="run"/> with the same scope, if any.</summary>
    public StoredRun? Previous(StoredRun run)
    {
        var runs = Runs().ToList();
        var at = runs.FindIndex(r => r.Id == run.Id);
        return runs.Take(at < 0 ? runs.Count : at).LastOrDefault(r => r.ScopeKey == run.ScopeKey);
    }

    /// <summary>The run's findings in report order, with its summary (expired exceptions: those expired when the run started).</summary>
    public RunResult Result(StoredRun run)
    {
        var findings = Query(null, "SELECT body FROM findings WHERE run_id = @id", [("id", run.Id)], row => FindingJson.Read(row.GetString(0)));
        var expired = Exceptions(run).Where(e => e.IsExpiredAt(run.StartedAt)).ToList();
        var result = RunResult.Of(findings, expired);
        return run.Calls.Calls == 0 && run.Source != "live"
            ? result
            : result with { Collection = new CollectionSummary(run.Calls.Calls, run.Calls.Throttles, run.Calls.Retries, run.Calls.Failures, run.FinishedAt - run.StartedAt, []) };
    }

    /// <summary>The exceptions in force for the run, each once however many shards recorded it.</summary>
    public IReadOnlyList<ExceptionEntry> Exceptions(StoredRun run) =>
        Query(null, "SELECT body FROM run_exceptions WHERE run_id = @id ORDER BY part, seq", [("id", run.Id)], row => ReadException(row.GetString(0)))
            .DistinctBy(e => (e.File, e.Line))
            .ToList();

    /// <summary>The remediation steps the run applied, in order.</summary>
    public IReadOnlyList<AppliedStep> Steps(StoredRun run) =>
        Query(null, "SELECT account_id, region, kind, reason, description, outcome, detail FROM run_steps WHERE run_id = @id ORDER BY part, seq", [("id", run.Id)],
            row => new AppliedStep(row.GetString(0), row.GetString(1), row.GetString(2), row.GetString(3), row.GetString(4), row.GetString(5), row.GetString(6)));

    /// <summary>Each account × control's outcome in every run since <paramref name="since"/>, oldest run first.</summary>
    public IReadOnlyList<TrendPoint> Trend(DateTimeOffset? since = null) =>
        Query(null, """
            SELECT f.run_id, r.created_at, f.account_id, f.control_id, f.region, f.outcome, f.suppressed, f.reasons
            FROM findings f JOIN runs r ON r.id = f.run_id
            WHERE r.created_at >= @since
            ORDER BY r.created_at, f.run_id, f.account_id, f.control_id, f.region
            """,
            [("since", Time(since ?? DateTimeOffset.MinValue))],
            row => new TrendPoint(row.GetString(0), TimeOf(row.GetString(1)), row.GetString(2), row.GetString(3), row.GetString(4) is { Length: > 0 } region ? region : null,
                FindingJson.OutcomeOf(row.GetString(5)), Int(row, 6) == 1, row.GetString(7)));

    /// <summary>Runs one statement as it is: for tests that must put a store in a state no command would (a newer schema).</summary>
    internal void ExecuteForTest(string sql) => Execute(null, sql, []);

    private static DbConnection Connect(StoreLocation location)
    {
        if (location.Kind == StoreKind.PostgreSql)
        {
            var postgres = new NpgsqlConnection(location.ConnectionString);
            postgres.Open();
            return postgres;
        }

        var path = new SqliteConnectionStringBuilder(location.ConnectionString).DataSource;
        if (Path.GetDirectoryName(path) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        var sqlite = new SqliteConnection(location.ConnectionString);
        sqlite.Open();
        using var pragmas = sqlite.CreateCommand();
        // WAL lets readers (the dashboard) read while a scan writes; writers wait for each other, up to a minute.
        pragmas.CommandText = "PRAGMA busy_timeout = 60000; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;";
        pragmas.ExecuteNonQuery();
        return sqlite;
    }

    private void Migrate()
    {
        {
            using var transaction = Begin();
            if (_connection is NpgsqlConnection)
            {
                // One migrator at a time across every process that opens the database.
                Execute(transaction, "SELECT pg_advisory_xact_lock(8617011)", []);
            }

            Execute(transaction, "CREATE TABLE IF NOT EXISTS tocsin_schema (version INTEGER NOT NULL)", []);
            var version = Query(transaction, "SELECT COALESCE(MAX(version), 0) FROM tocsin_schema", [], row => Int(row, 0)).Single();
            if (version > Schema.Latest)
            {
                throw new StoreException(
                    $"the store at {Location.Display} was written by a newer Tocsin (schema version {version}; this one knows up to {Schema.Latest}): upgrade Tocsin, or give another --store");
            }

            for (var next = version + 1; next <= Schema.Latest; next++)
            {
                Execute(transaction, Schema.Migrations[next - 1], []);
                Execute(transaction, "INSERT INTO tocsin_schema (version) VALUES (@version)", [("version", next)]);
            }

            transaction.Commit();
        }
    }

    /// <summary>A SQLite writer that finds the file locked past the busy timeout is told so in words.</summary>
    private void Write(Action write)
    {
        try
        {
            write();
        }
        catch (DbException problem)
        {
            throw new StoreException($"writing to the store at {Location.Display} failed: {Describe(problem)}", problem);
        }
    }

    /// <summary>SQLite: BEGIN IMMEDIATE, so a writer takes the lock before it reads what it will change.</summary>
    private DbTransaction Begin() => _connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: false) : _connection.BeginTransaction(IsolationLevel.ReadCommitted);

    private void Execute(DbTransaction? transaction, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        using var command = Command(transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private List<T> Query<T>(DbTransaction? transaction, string sql, IReadOnlyList<(string Name, object? Value)> parameters, Func<DbDataReader, T> read)
    {
        try
        {
            using var command = Command(transaction, sql, parameters);
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        catch (DbException problem)
        {
            throw new StoreException($"reading the store at {Location.Display} failed: {Describe(problem)}", problem);
        }
    }

    private DbCommand Command(DbTransaction? transaction, string sql, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            if (value is null)
            {
                parameter.DbType = DbType.String;
            }

            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static int Int(DbDataReader row, int ordinal) => Convert.ToInt32(row.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset time) =>
        time == DateTimeOffset.MinValue ? "0000" : time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset TimeOf(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static string ExceptionBody(ExceptionEntry exception)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            FindingJson.WriteException(json, exception);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static ExceptionEntry ReadException(string body)
    {
        using var document = JsonDocument.Parse(body);
        return FindingJson.ReadException(document.RootElement);
    }

    /// <summary>The driver's message without the connection string: a password must never reach the output.</summary>
    private static string Describe(Exception problem) => problem switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode switch
        {
            26 => "it is not a SQLite database",
            5 or 6 => "another process holds it locked, and kept it longer than a minute",
            _ => sqlite.Message.Replace("SQLite Error ", "SQLite error ", StringComparison.Ordinal),
        },
        PostgresException postgres => $"PostgreSQL said {postgres.SqlState}: {postgres.MessageText}",
        NpgsqlException npgsql => npgsql.InnerException is { } inner ? $"{npgsql.Message} ({inner.Message})" : npgsql.Message,
        _ => problem.Message,
    };
}

/// <summary>One account × control's outcome in one run.</summary>
/// <param name="Reasons">The reason codes, separated by spaces.</param>
public sealed record TrendPoint(string RunId, DateTimeOffset At, string AccountId, string ControlId, string? Region, Outcome Outcome, bool Suppressed, string Reasons);
