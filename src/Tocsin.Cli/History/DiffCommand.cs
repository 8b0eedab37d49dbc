using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Tocsin.Core.Findings;
using Tocsin.Store;

namespace Tocsin.Cli.History;

/// <summary>
/// <c>tocsin diff [RUN] [RUN]</c>: what changed between two recorded runs — newly failing, fixed, still failing, new
/// errors, exceptions about to expire. By default the latest run against the run before it of the same scope. Exits 1
/// when something newly fails, so a pipeline can stop on drift.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var runs = new Argument<string[]>("run") { Description = "Two runs (older, newer), or one (compared with the run before it of the same scope); ids, unique prefixes, latest or latest~N. Default: the latest.", Arity = new ArgumentArity(0, 2) };
        var expiring = new Option<int>("--expiring-within") { Description = "List exceptions that expire within this many days (default 30).", DefaultValueFactory = _ => 30 };
        var format = new Option<string>("--format") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var store = new StoreFlags();
        var command = new Command("diff", "What changed between two recorded runs: newly failing, fixed, still failing, new errors, expiring exceptions.") { runs, expiring, format };
        store.AddTo(command, records: false);
        command.SetAction(parse =>
        {
            var days = parse.GetValue(expiring);
            if (days < 0)
            {
                throw new UsageException($"--expiring-within: {days} is not a number of days");
            }

            using var opened = store.OpenExisting(parse);
            var diff = Compute(opened, parse.GetValue(runs) ?? [], days, DateTimeOffset.UtcNow);
            if (parse.GetValue(format) == "json")
            {
                WriteJson(diff, console.Out);
            }
            else
            {
                WriteText(diff, console.Out);
            }

            return diff.HasNewFailures ? ExitCodes.Findings : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The runs the arguments name, compared: two named, one against its predecessor of the same scope, none the latest against its.</summary>
    public static RunDiff Compute(RunStore store, IReadOnlyList<string> names, int expiringWithinDays, DateTimeOffset now)
    {
        try
        {
            var newer = store.Find(names.Count == 2 ? names[1] : names.Count == 1 ? names[0] : "latest");
            var older = names.Count == 2
                ? store.Find(names[0])
                : store.Previous(newer) ?? throw new UsageException($"run {newer.Id} is the first of its scope ({newer.Scope}): there is nothing to compare it with; name two runs");
            return RunDiff.Between(older, store.Result(older), newer, store.Result(newer), store.Exceptions(newer), now, expiringWithinDays);
        }
        catch (StoreException problem)
        {
            throw new UsageException(problem.Message);
        }
    }

    private static readonly (Change Change, string Title, string Key)[] Sections =
    [
        (Change.NewlyFailing, "Newly failing", "newlyFailing"),
        (Change.Fixed, "Fixed", "fixed"),
        (Change.StillFailing, "Still failing", "stillFailing"),
        (Change.NewError, "New errors (could not be decided)", "newErrors"),
        (Change.StillError, "Still undecided", "stillErrors"),
        (Change.NewlySuppressed, "Newly suppressed by an exception", "newlySuppressed"),
        (Change.NoLongerSuppressed, "No longer suppressed", "noLongerSuppressed"),
        (Change.NotChecked, "No longer checked", "notChecked"),
    ];

    private static void WriteText(RunDiff diff, TextWriter output)
    {
        output.WriteLine($"From run {Describe(diff.Older)}");
        output.WriteLine($"  to run {Describe(diff.Newer)}");
        if (!diff.Newer.Complete || !diff.Older.Complete)
        {
            output.WriteLine($"Incomplete: {Parts(diff.Older)}; {Parts(diff.Newer)}.");
        }

        foreach (var (change, title, _) in Sections)
        {
            var listed = diff.Of(change).ToList();
            if (listed.Count == 0 && change is not (Change.NewlyFailing or Change.Fixed or Change.StillFailing or Change.NewError))
            {
                continue;
            }

            output.WriteLine();
            output.WriteLine($"{title} ({listed.Count})");
            foreach (var item in listed)
            {
                var latest = item.Latest;
                var was = item.Before is { } before ? $" (was {Outcome(before)})" : "";
                output.WriteLine($"  {item.AccountId}  {item.ControlId}  {Outcome(latest)}{was}: {latest.Message}");
            }
        }

        output.WriteLine();
        output.WriteLine($"Exceptions expiring within {diff.ExpiringWithinDays} days ({diff.Expiring.Count})");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var exception in diff.Expiring)
        {
            output.WriteLine($"  {exception.Control} for {string.Join(',', exception.Accounts)}: owner {exception.Owner}, expires {exception.Expires:yyyy-MM-dd} (in {exception.Expires.DayNumber - today.DayNumber} days) — {exception.Reason}");
        }

        output.WriteLine();
        output.WriteLine(
            $"{diff.Of(Change.NewlyFailing).Count()} newly failing, {diff.Of(Change.Fixed).Count()} fixed, {diff.Of(Change.StillFailing).Count()} still failing, " +
            $"{diff.Of(Change.NewError).Count()} new errors, {diff.Expiring.Count} exceptions expiring.");
    }

    private static string Describe(StoredRun run) =>
        $"{run.Id} ({run.Kind}, {run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, {run.Scope})";

    private static string Parts(StoredRun run) => $"run {run.Id} has {run.Parts} of {run.PartsExpected} shards recorded";

    private static string Outcome(Finding finding) => finding.Suppressed ? $"{finding.Outcome.ToCode()}, suppressed" : finding.Outcome.ToCode();

    private static void WriteJson(RunDiff diff, TextWriter output) =>
        JsonText.Write(output, new JsonWriterOptions { Indented = true }, json =>
        {
            json.WriteStartObject();
            json.WritePropertyName("from");
            RunJson.Write(json, diff.Older);
            json.WritePropertyName("to");
            RunJson.Write(json, diff.Newer);
            foreach (var (change, _, key) in Sections)
            {
                json.WriteStartArray(key);
                foreach (var item in diff.Of(change))
                {
                    json.WriteStartObject();
                    json.WriteString("accountId", item.AccountId);
                    json.WriteString("controlId", item.ControlId);
                    json.WritePropertyName("before");
                    State(json, item.Before);
                    json.WritePropertyName("after");
                    State(json, item.After);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteStartArray("expiringExceptions");
            foreach (var exception in diff.Expiring)
            {
                json.WriteStartObject();
                json.WriteString("control", exception.Control);
                json.WriteStrings("accounts", exception.Accounts);
                json.WriteString("owner", exception.Owner);
                json.WriteString("reason", exception.Reason);
                json.WriteString("expires", exception.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("file", exception.File);
                json.WriteNumber("line", exception.Line);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });

    private static void State(Utf8JsonWriter json, Finding? finding)
    {
        if (finding is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        json.WriteString("outcome", finding.Outcome.ToCode());
        json.WriteBoolean("suppressed", finding.Suppressed);
        json.WriteStringOrNull("region", finding.Region);
        json.WriteStrings("reasons", finding.Reasons.Select(r => r.ToCode()));
        json.WriteString("message", finding.Message);
        json.WriteEndObject();
    }
}

/// <summary>A stored run as the JSON of <c>history</c> and <c>diff</c> spells it.</summary>
internal static class RunJson
{
    public static void Write(Utf8JsonWriter json, StoredRun run)
    {
        json.WriteStartObject();
        json.WriteString("id", run.Id);
        json.WriteString("kind", run.Kind);
        json.WriteString("source", run.Source);
        json.WriteString("scope", run.Scope);
        json.WriteString("startedAt", run.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteString("finishedAt", run.FinishedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteString("toolVersion", run.ToolVersion);
        json.WriteStrings("callers", run.Callers);
        json.WriteNumber("shards", run.PartsExpected);
        json.WriteNumber("shardsRecorded", run.Parts);
        json.WriteStartObject("apiCalls");
        json.WriteNumber("calls", run.Calls.Calls);
        json.WriteNumber("throttles", run.Calls.Throttles);
        json.WriteNumber("retries", run.Calls.Retries);
        json.WriteNumber("failures", run.Calls.Failures);
        json.WriteEndObject();
        json.WriteStartObject("counts");
        json.WriteNumber("pass", run.Counts.Pass);
        json.WriteNumber("fail", run.Counts.Fail);
        json.WriteNumber("error", run.Counts.Error);
        json.WriteNumber("suppressed", run.Counts.Suppressed);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
