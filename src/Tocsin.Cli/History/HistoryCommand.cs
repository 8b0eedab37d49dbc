using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tocsin.Core.Findings;
using Tocsin.Store;

namespace Tocsin.Cli.History;

/// <summary>
/// <c>tocsin history</c>: each account × control's outcome run after run, oldest first, with when it last changed;
/// <c>--runs</c> lists the runs themselves.
/// </summary>
internal static class HistoryCommand
{
    /// <summary>Runs shown as columns at most: the latest ones.</summary>
    public const int MaxColumns = 24;

    public static Command Create(CliConsole console)
    {
        var controls = new Option<string?>("--controls") { Description = "Comma-separated control ids or aliases (default: all)." };
        var accounts = new Option<string?>("--accounts") { Description = "Comma-separated account ids (default: all)." };
        var since = new Option<string?>("--since") { Description = "Only runs since this date or time (2026-11-01, 2026-11-01T08:00Z) or this long ago (30d, 12h)." };
        var listRuns = new Option<bool>("--runs") { Description = "List the runs: id, kind, time, scope, counts." };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var store = new StoreFlags();
        var command = new Command("history", "Each account and control's outcome over the recorded runs, and when it last changed.") { controls, accounts, since, listRuns, format };
        store.AddTo(command, records: false);
        command.SetAction(parse =>
        {
            var from = Since(parse.GetValue(since), DateTimeOffset.UtcNow);
            var onlyControls = parse.GetValue(controls)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name => ControlArgument.Resolve(name).Id).ToHashSet(StringComparer.Ordinal);
            var onlyAccounts = parse.GetValue(accounts)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
            using var opened = store.OpenExisting(parse);
            var runs = Read(() => opened.Runs()).Where(r => from is null || r.StartedAt >= from).ToList();
            var points = Read(() => opened.Trend(from))
                .Where(p => (onlyControls is null || onlyControls.Contains(p.ControlId)) && (onlyAccounts is null || onlyAccounts.Contains(p.AccountId)))
                .ToList();
            var trends = Trends(runs, points);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(runs, trends, console.Out);
            }
            else if (parse.GetValue(listRuns))
            {
                WriteRuns(runs, console.Out);
            }
            else if (runs.Count == 0 && from is { } start)
            {
                console.Out.WriteLine($"No run recorded since {start.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.");
            }
            else
            {
                WriteText(runs, trends, console.Out);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One account × control over the runs: its outcome in each (null where the run did not check it).</summary>
    internal sealed record Trend(string AccountId, string ControlId, IReadOnlyList<TrendPoint?> Points)
    {
        public TrendPoint? Current => Points.LastOrDefault(p => p is not null);

        /// <summary>The last run whose state differs from the run before it that checked the pair.</summary>
        public (TrendPoint From, TrendPoint To)? LastChange
        {
            get
            {
                var seen = Points.OfType<TrendPoint>().ToList();
                for (var i = seen.Count - 1; i > 0; i--)
                {
                    if (State(seen[i]) != State(seen[i - 1]))
                    {
                        return (seen[i - 1], seen[i]);
                    }
                }

                return null;
            }
        }
    }

    public static string State(TrendPoint point) => point.Suppressed ? "suppressed" : point.Outcome.ToCode();

    internal static List<Trend> Trends(IReadOnlyList<StoredRun> runs, IReadOnlyList<TrendPoint> points)
    {
        var column = runs.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return points
            .Where(p => column.ContainsKey(p.RunId))
            .GroupBy(p => (p.AccountId, p.ControlId))
            .OrderBy(g => g.Key.AccountId, StringComparer.Ordinal).ThenBy(g => g.Key.ControlId, StringComparer.Ordinal)
            .Select(g =>
            {
                var cells = new TrendPoint?[runs.Count];
                foreach (var point in g)
                {
                    // Two regions of one pair in one run: the worse speaks for it.
                    var at = column[point.RunId];
                    if (cells[at] is not { } held || Rank(point) > Rank(held))
                    {
                        cells[at] = point;
                    }
                }

                return new Trend(g.Key.AccountId, g.Key.ControlId, cells);
            })
            .ToList();
    }

    /// <summary><c>--since</c>: a date, a date and time, or an age (<c>30d</c>, <c>12h</c>); null when not given.</summary>
    public static DateTimeOffset? Since(string? text, DateTimeOffset now)
    {
        if (text is null)
        {
            return null;
        }

        if (text.Length > 1 && text[^1] is 'd' or 'h' && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return text[^1] == 'd' ? now.AddDays(-amount) : now.AddHours(-amount);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw new UsageException($"--since: `{text}` is neither a date (2026-11-01), a time (2026-11-01T08:00Z) nor an age (30d, 12h)");
    }

    private static int Rank(TrendPoint point) => point.Suppressed ? 0 : point.Outcome switch
    {
        Outcome.Fail => 3,
        Outcome.Error => 2,
        _ => 1,
    };

    private static T Read<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (StoreException problem)
        {
            throw new UsageException(problem.Message);
        }
    }

    private static string Symbol(TrendPoint? point) => point switch
    {
        null => "·",
        { Suppressed: true } => "s",
        { Outcome: Outcome.Pass } => "✓",
        { Outcome: Outcome.Fail } => "✗",
        _ => "?",
    };

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static void WriteRuns(IReadOnlyList<StoredRun> runs, TextWriter output)
    {
        if (runs.Count == 0)
        {
            output.WriteLine("No run recorded yet.");
            return;
        }

        output.WriteLine($"{"run",-24}  {"kind",-9}  {"started (UTC)",-16}  {"pass",5} {"fail",5} {"error",5} {"suppr.",6}  scope");
        foreach (var run in runs)
        {
            var shards = run.PartsExpected > 1 ? $" [{run.Parts}/{run.PartsExpected} shards]" : "";
            output.WriteLine($"{run.Id,-24}  {run.Kind,-9}  {Time(run.StartedAt),-16}  {run.Counts.Pass,5} {run.Counts.Fail,5} {run.Counts.Error,5} {run.Counts.Suppressed,6}  {run.Scope}{shards}");
        }
    }

    private static void WriteText(IReadOnlyList<StoredRun> runs, IReadOnlyList<Trend> trends, TextWriter output)
    {
        if (runs.Count == 0 || trends.Count == 0)
        {
            output.WriteLine(runs.Count == 0 ? "No run recorded yet: `tocsin scan` records one." : "No finding of these accounts and controls in the recorded runs.");
            return;
        }

        var first = Math.Max(0, runs.Count - MaxColumns);
        output.WriteLine($"{runs.Count} runs from {Time(runs[0].StartedAt)} to {Time(runs[^1].StartedAt)} UTC{(first > 0 ? $"; the last {MaxColumns} shown" : "")} (`tocsin history --runs` lists them).");
        output.WriteLine("✓ pass  ✗ fail  ? error  s suppressed  · not checked; oldest run first.");
        output.WriteLine();
        var controlWidth = Math.Max("control".Length, trends.Max(t => t.ControlId.Length));
        var columns = runs.Count - first;
        output.WriteLine($"{"account",-12}  {"control".PadRight(controlWidth)}  {"runs".PadRight(columns * 2 - 1)}  {"now",-10}  last change");
        foreach (var trend in trends)
        {
            var cells = string.Join(' ', trend.Points.Skip(first).Select(Symbol));
            var now = trend.Current is { } current ? State(current) : "-";
            var change = trend.LastChange is { } last
                ? $"{State(last.From)} → {State(last.To)} in run {last.To.RunId} ({Time(last.To.At)})"
                : "unchanged";
            output.WriteLine($"{trend.AccountId,-12}  {trend.ControlId.PadRight(controlWidth)}  {cells.PadRight(columns * 2 - 1)}  {now,-10}  {change}");
        }
    }

    private static void WriteJson(IReadOnlyList<StoredRun> runs, IReadOnlyList<Trend> trends, TextWriter output) =>
        JsonText.Write(output, new JsonWriterOptions { Indented = true }, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("runs");
            foreach (var run in runs)
            {
                RunJson.Write(json, run);
            }

            json.WriteEndArray();
            json.WriteStartArray("trends");
            foreach (var trend in trends)
            {
                json.WriteStartObject();
                json.WriteString("accountId", trend.AccountId);
                json.WriteString("controlId", trend.ControlId);
                json.WriteStartArray("outcomes");
                foreach (var point in trend.Points)
                {
                    if (point is null)
                    {
                        json.WriteNullValue();
                        continue;
                    }

                    json.WriteStartObject();
                    json.WriteString("runId", point.RunId);
                    json.WriteString("outcome", point.Outcome.ToCode());
                    json.WriteBoolean("suppressed", point.Suppressed);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                if (trend.Current is { } current)
                {
                    json.WriteString("current", State(current));
                }

                if (trend.LastChange is { } last)
                {
                    json.WriteStartObject("lastChange");
                    json.WriteString("runId", last.To.RunId);
                    json.WriteString("from", State(last.From));
                    json.WriteString("to", State(last.To));
                    json.WriteEndObject();
                }
                else
                {
                    json.WriteNull("lastChange");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
}
