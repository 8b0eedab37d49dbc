namespace Tocsin.Store;

/// <summary>
/// The store's tables, as numbered migrations that run in order when a store is opened. A migration is never edited
/// once released; a change is a new one. Both databases read the same SQL: text, integers, ISO-8601 UTC timestamps.
/// </summary>
internal static class Schema
{
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // 1: runs, their parts (one per shard), findings, the exceptions in force, remediation steps, and what each part
        // read (as a snapshot: it holds no credential), from which a stored finding's fix is planned again.
        """
        CREATE TABLE runs (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            source TEXT NOT NULL,
            scope TEXT NOT NULL,
            scope_key TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            parts_expected INTEGER NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX runs_by_scope ON runs (scope_key, created_at);
        CREATE TABLE run_parts (
            run_id TEXT NOT NULL REFERENCES runs (id),
            part INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT NOT NULL,
            caller TEXT,
            api_calls INTEGER NOT NULL,
            throttles INTEGER NOT NULL,
            retries INTEGER NOT NULL,
            failures INTEGER NOT NULL,
            PRIMARY KEY (run_id, part)
        );
        CREATE TABLE findings (
            run_id TEXT NOT NULL REFERENCES runs (id),
            part INTEGER NOT NULL,
            account_id TEXT NOT NULL,
            control_id TEXT NOT NULL,
            region TEXT NOT NULL,
            outcome TEXT NOT NULL,
            suppressed INTEGER NOT NULL,
            reasons TEXT NOT NULL,
            message TEXT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (run_id, account_id, control_id, region)
        );
        CREATE INDEX findings_by_account_control ON findings (account_id, control_id);
        CREATE TABLE run_exceptions (
            run_id TEXT NOT NULL REFERENCES runs (id),
            part INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            control TEXT NOT NULL,
            owner TEXT NOT NULL,
            expires TEXT NOT NULL,
            body TEXT NOT NULL,
            PRIMARY KEY (run_id, part, seq)
        );
        CREATE TABLE run_steps (
            run_id TEXT NOT NULL REFERENCES runs (id),
            part INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            kind TEXT NOT NULL,
            reason TEXT NOT NULL,
            description TEXT NOT NULL,
            outcome TEXT NOT NULL,
            detail TEXT NOT NULL,
            PRIMARY KEY (run_id, part, seq)
        );
        CREATE TABLE run_inventories (
            run_id TEXT NOT NULL REFERENCES runs (id),
            part INTEGER NOT NULL,
            snapshot TEXT NOT NULL,
            PRIMARY KEY (run_id, part)
        );
        """,
    ];

    /// <summary>The schema version this build writes: the number of migrations it knows.</summary>
    public static int Latest => Migrations.Count;
}
