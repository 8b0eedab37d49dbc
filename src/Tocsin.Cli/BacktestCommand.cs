using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Tocsin.Backtest.Input;
using Tocsin.Backtest.Judging;
using Tocsin.Backtest.Results;
using Tocsin.Backtest.Sql;
using Tocsin.Backtest.Subjects;
using Tocsin.Core.Controls;
using Tocsin.Core.EventPatterns;
using Tocsin.Core.Inventory;
using Tocsin.Core.Inventory.Snapshots;

namespace Tocsin.Cli;

/// <summary>
/// <c>tocsin backtest PATH...</c>: replays CloudTrail history through each control's patterns (and the user's filter
/// patterns and EventBridge event patterns, and a snapshot's deployed ones) and says how often each alarm would have fired and what each variant would have missed.
/// </summary>
internal static class BacktestCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("path") { Description = "CloudTrail log files or folders: the S3 layout (.json.gz), .json, JSON Lines, CloudWatch Logs exports; read recursively.", Arity = ArgumentArity.ZeroOrMore };
        var controls = new Option<string?>("--controls") { Description = "Comma-separated control ids or aliases (default: the whole catalog in one pass)." };
        var patterns = new Option<string[]>("--pattern") { Description = "A filter pattern to replay too; repeat for several. With one control selected, it is compared with that control's baseline." };
        var eventPatterns = new Option<string[]>("--event-pattern") { Description = "A file holding an EventBridge rule's event pattern (JSON) to replay too, each record wrapped as EventBridge delivers it; repeat for several. With one control selected, it is compared with that control's baseline." };
        var snapshot = new Option<string?>("--snapshot") { Description = "A snapshot (scan --snapshot-out): replay each account's deployed pattern with its alarm's real period and threshold." };
        var period = new Option<int>("--period") { Description = "Alarm period in seconds for the catalog's and your patterns (default 300, as CIS).", DefaultValueFactory = _ => 300 };
        var from = new Option<string?>("--from") { Description = "Only events at or after this time (ISO 8601, e.g. 2026-10-01 or 2026-10-01T00:00:00Z)." };
        var to = new Option<string?>("--to") { Description = "Only events before this time (ISO 8601)." };
        var format = CliOptions.Format("text", "json", "html");
        var output = new Option<string?>("--output") { Description = "Write the report to this file instead of standard output." };
        var emitSql = new Option<string?>("--emit-sql") { Description = "Read nothing: print the SQL that asks Athena, CloudTrail Lake or DuckDB the same question (athena, cloudtrail-lake, duckdb)." };
        emitSql.AcceptOnlyFromAmong("athena", "cloudtrail-lake", "duckdb");
        var table = new Option<string?>("--table") { Description = "With --emit-sql: the table (Athena: cloudtrail_logs; DuckDB: trail, one JSON column `record`; CloudTrail Lake: the event data store ID, required)." };
        var threads = new Option<int>("--threads") { Description = "Files (and parts of large JSON Lines files) read at once (default: every core).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("backtest", "Replay CloudTrail history through the patterns: how often each alarm would have fired, and what each variant misses.")
        {
            paths, controls, patterns, eventPatterns, snapshot, period, from, to, format, output, threads, emitSql, table,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(parse, cancellationToken)));
        return command;

        int Run(ParseResult parse, CancellationToken cancellationToken)
        {
            var periodSeconds = parse.GetValue(period);
            if (periodSeconds < 10 || (periodSeconds < 60 && 60 % periodSeconds != 0) || (periodSeconds >= 60 && periodSeconds % 60 != 0))
            {
                throw new UsageException($"--period: {periodSeconds} is not a CloudWatch alarm period (10, 20, 30, or a multiple of 60 seconds)");
            }

            var threadCount = parse.GetValue(threads);
            if (threadCount < 1)
            {
                throw new UsageException($"--threads: {threadCount} is not a number of threads (1 or more)");
            }

            var window = new BacktestOptions(Time(parse.GetValue(from), "--from"), Time(parse.GetValue(to), "--to"), threadCount);
            if (window.From >= window.To)
            {
                throw new UsageException("--from must be before --to");
            }

            var selected = parse.GetValue(controls) is { } names
                ? names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ControlArgument.Resolve).Distinct().ToList()
                : [.. ControlCatalog.Default.All];
            var given = parse.GetValue(patterns) ?? [];
            if (given.Any(p => p.Length == 0))
            {
                throw new UsageException("--pattern: the pattern is empty (CloudWatch Logs would match every event with it); give a filter pattern");
            }

            var rules = (parse.GetValue(eventPatterns) ?? []).Select(EventPatternFile).ToList();
            SubjectCatalog catalog;
            try
            {
                catalog = SubjectCatalog.Build(selected, given, Snapshot(parse.GetValue(snapshot)), periodSeconds, rules);
            }
            catch (SubjectException invalid)
            {
                throw new UsageException(invalid.Message);
            }

            if (parse.GetValue(emitSql) is { } dialect)
            {
                if (rules.Count > 0)
                {
                    throw new UsageException("--emit-sql cannot ask a query engine about --event-pattern: an event pattern is matched against the event EventBridge delivers for a record (its envelope around the record), which the SQL does not build; replay the log files instead, or leave --event-pattern out");
                }

                return EmitSql(console, catalog, dialect, parse.GetValue(table), periodSeconds);
            }

            if (parse.GetValue(paths) is not { Length: > 0 } inputs)
            {
                throw new UsageException("backtest needs CloudTrail logs to read: give files or folders (or --emit-sql to hand the question to a query engine)");
            }

            var plan = InputDiscovery.Plan(inputs, threadCount);
            var engine = new BacktestEngine(catalog, window);
            var result = WithProgress(console, progress => engine.Run(plan, progress, cancellationToken));
            Write(console, result, parse.GetValue(format)!, parse.GetValue(output));
            return result.Input.Events == 0 && (plan.Parts.Count == 0 || result.Input.Failures.Count + plan.Problems.Count > 0 || result.Input.BadRecords > 0)
                ? Nothing(console, plan)
                : ExitCodes.Ok;
        }
    }

    /// <summary>
    /// The query for every pattern the dialect can express exactly; each one it cannot is named on standard error with
    /// why, never approximated. Exit 2 when none could be written.
    /// </summary>
    private static int EmitSql(CliConsole console, SubjectCatalog catalog, string dialectName, string? table, int periodSeconds)
    {
        var dialect = dialectName switch
        {
            "athena" => SqlDialect.Athena,
            "cloudtrail-lake" => SqlDialect.CloudTrailLake,
            _ => SqlDialect.DuckDb,
        };
        var name = table ?? dialect switch
        {
            SqlDialect.Athena => "cloudtrail_logs",
            SqlDialect.DuckDb => "trail",
            _ => throw new UsageException("--emit-sql cloudtrail-lake needs --table EVENT_DATA_STORE_ID"),
        };
        var expressible = new List<(string Name, Core.Patterns.Syntax.FilterPattern Pattern)>();
        foreach (var subject in catalog.Subjects)
        {
            var label = subject.ControlId is null ? subject.Name : $"{subject.ControlId}/{subject.Name}";
            try
            {
                var pattern = subject.Matcher!.Pattern; // event patterns were refused before
                PatternSql.Compile(pattern, dialect);
                expressible.Add((label, pattern));
            }
            catch (SqlCompileException refused)
            {
                console.Error.WriteLine($"left out {label}: {refused.Message}");
            }
        }

        if (expressible.Count == 0)
        {
            console.Error.WriteLine($"no pattern can be written exactly in {dialectName}: nothing to emit");
            return ExitCodes.UsageError;
        }

        try
        {
            console.Out.WriteLine(BacktestSql.Query(expressible, dialect, name, periodSeconds));
        }
        catch (ArgumentException invalid)
        {
            throw new UsageException($"--table: {invalid.Message}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The event pattern a file holds; one EventBridge would refuse is a usage error naming the file, line and column.</summary>
    private static string EventPatternFile(string path)
    {
        var text = CliOptions.ReadFile(path);
        if (EventPatternParser.Parse(text).Error is not { } error)
        {
            return text;
        }

        var where = $" (line {error.Line}, column {error.Column})";
        var message = error.Message.EndsWith(where, StringComparison.Ordinal) ? error.Message[..^where.Length] : error.Message;
        var pointer = error.Pointer(text);
        throw new UsageException($"--event-pattern {path}:{error.Line}:{error.Column}: EventBridge would refuse the pattern: {message}{(pointer.Length == 0 ? "" : Environment.NewLine + pointer)}");
    }

    private static int Nothing(CliConsole console, InputPlan plan)
    {
        console.Error.WriteLine(plan.Parts.Count == 0
            ? "no CloudTrail log file was found: nothing to replay"
            : "no record could be read: nothing to replay");
        return ExitCodes.UsageError;
    }

    private static DateTimeOffset? Time(string? text, string flag)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new UsageException($"{flag}: `{text}` is not a time (ISO 8601, e.g. 2026-10-01 or 2026-10-01T09:00:00Z)");
    }

    private static CloudInventory? Snapshot(string? path)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            return Core.Inventory.Snapshots.Snapshot.Parse(CliOptions.ReadFile(path), path);
        }
        catch (SnapshotException invalid)
        {
            throw new UsageException(invalid.Message);
        }
    }

    /// <summary>A progress bar on a terminal (files, MB, events/s); nothing in a pipe, where the report says how long it took.</summary>
    private static BacktestResult WithProgress(CliConsole console, Func<IProgress<BacktestProgress>?, BacktestResult> run)
    {
        if (!ReferenceEquals(console.Error, Console.Error) || Console.IsErrorRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return run(null);
        }

        BacktestResult? result = null;
        AnsiConsole.Progress().AutoClear(true).Start(context =>
        {
            var task = context.AddTask("reading CloudTrail");
            result = run(new Progress<BacktestProgress>(p =>
            {
                task.MaxValue = Math.Max(1, p.Bytes);
                task.Value = p.BytesDone;
                var rate = p.Elapsed.TotalSeconds > 0 ? p.Events / p.Elapsed.TotalSeconds : 0;
                task.Description = $"{p.FilesDone}/{p.Files} files, {p.BytesDone / (1 << 20):N0} MB, {rate:N0} events/s";
            }));
        });
        return result!;
    }

    private static void Write(CliConsole console, BacktestResult result, string format, string? output)
    {
        void Render(TextWriter writer)
        {
            if (format == "json")
            {
                BacktestJson.Write(result, writer);
            }
            else if (format == "html")
            {
                BacktestHtml.Write(result, writer);
            }
            else
            {
                using var wrapped = new WrappingWriter(writer, console.Width);
                BacktestText.Write(result, wrapped);
            }
        }

        if (output is null && format == "json" && ReferenceEquals(console.Out, Console.Out))
        {
            // the report's bytes go to standard output as written
            console.Out.Flush();
            using var standardOutput = Console.OpenStandardOutput();
            BacktestJson.Write(result, standardOutput);
            return;
        }

        if (output is null)
        {
            Render(console.Out);
            return;
        }

        try
        {
            if (format == "json")
            {
                using var stream = File.Create(output);
                BacktestJson.Write(result, stream);
                return;
            }

            using var file = new StreamWriter(output);
            Render(file);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{output}: cannot write the report: {error.Message}");
        }
    }
}
