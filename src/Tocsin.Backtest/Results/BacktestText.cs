using System.Globalization;

namespace Tocsin.Backtest.Results;

/// <summary>
/// The backtest for a person: what was read, then per control a table of its patterns (events, alarm periods,
/// firings) and a sentence per pattern on what it would have missed or added beside the baseline, with the last such
/// event; then where the baseline's events came from. Lines are left to the caller to wrap.
/// </summary>
public static class BacktestText
{
    public static void Write(BacktestResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var input = result.Input;
        output.WriteLine($"Read {N(input.Events)} events in {N(input.Files)} {Plural(input.Files, "file")} ({Size(input.Bytes)}) in {input.Duration.TotalSeconds:0.0} s; alarm period {result.PeriodSeconds} s{Window(result)}.");
        if (input.BadRecords > 0 || input.Failures.Count > 0 || input.Problems.Count > 0)
        {
            output.WriteLine($"Could not read {N(input.BadRecords)} {Plural(input.BadRecords, "record")}, {input.Failures.Count} {Plural(input.Failures.Count, "file")} in part and {input.Problems.Count} {Plural(input.Problems.Count, "path")}:");
            foreach (var bad in input.BadRecordSamples.Take(10))
            {
                output.WriteLine($"  {bad.File} at byte {bad.Offset}: {bad.Reason}");
            }

            foreach (var (file, failure) in input.Failures.Take(10))
            {
                output.WriteLine($"  {file}: {failure}");
            }

            foreach (var problem in input.Problems.Take(10))
            {
                output.WriteLine($"  {problem.Path}: {problem.Reason}");
            }
        }

        foreach (var note in result.Notes)
        {
            output.WriteLine($"Note: {note}");
        }

        foreach (var control in result.Controls)
        {
            output.WriteLine();
            output.WriteLine($"{control.ControlId}: {control.Title}");
            WriteTable(output, [control.Baseline, .. control.Variants]);
            foreach (var variant in control.Variants)
            {
                output.WriteLine("  " + Comparison(control.Baseline, variant));
            }

            // The baseline's populations, and an event pattern's beside them: it is judged in the same record space.
            foreach (var subject in control.Variants.Where(v => v.Language == "eventbridge").Prepend(control.Baseline))
            {
                var populations = control.Populations.Where(p => subject.Populations.GetValueOrDefault(p) > 0)
                    .Select(p => $"{p} {N(subject.Populations[p])}").ToList();
                if (populations.Count > 0)
                {
                    output.WriteLine($"  {subject.Name} by population: {string.Join(", ", populations)}");
                }
            }

            WriteShares(output, control.Baseline);
        }

        if (result.Patterns.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Patterns:");
            WriteTable(output, result.Patterns);
            foreach (var pattern in result.Patterns)
            {
                output.WriteLine($"  {pattern.Name}{(pattern.Language == "eventbridge" ? " (EventBridge)" : "")}: {pattern.Pattern}");
                WriteShares(output, pattern);
            }
        }
    }

    /// <summary>
    /// E.g. "cis-strict would have cut 312 alarm periods to 12 and missed 3 root-no-mfa events, the last on
    /// 2026-10-04 09:12 UTC from 203.0.113.7 (arn:aws:iam::111122223333:root)".
    /// </summary>
    public static string Comparison(SubjectResult baseline, SubjectResult variant)
    {
        var periods = variant.AlarmPeriods.Count == baseline.AlarmPeriods.Count
            ? $"would have kept {N(baseline.AlarmPeriods.Count)} alarm {Plural(baseline.AlarmPeriods.Count, "period")}"
            : $"would have {(variant.AlarmPeriods.Count < baseline.AlarmPeriods.Count ? "cut" : "raised")} {N(baseline.AlarmPeriods.Count)} alarm {Plural(baseline.AlarmPeriods.Count, "period")} to {N(variant.AlarmPeriods.Count)}";
        var missed = variant.Missed.Count == 0 ? "missed nothing " + baseline.Name + " caught" : "missed " + Occurrences(variant.Missed);
        var extra = variant.Extra.Count == 0 ? "" : "; it also alerts on " + Occurrences(variant.Extra);
        var scope = variant.ScopeAccounts is { } accounts ? $" (events of {Accounts(accounts)} only)" : "";
        return $"{variant.Name}{scope} {periods} and {missed}{extra}.";
    }

    private static string Occurrences(IReadOnlyDictionary<string, Occurrence> byPopulation) =>
        string.Join("; ", byPopulation.OrderByDescending(pair => pair.Value.Count).ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"{N(pair.Value.Count)} {pair.Key} {Plural(pair.Value.Count, "event")}, the last {Last(pair.Value)}"));

    private static string Last(Occurrence occurrence) =>
        $"on {(occurrence.LastTime is { } time ? time.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "an unknown date")} from {occurrence.LastSourceIp} ({occurrence.LastPrincipal})";

    private static void WriteTable(TextWriter output, IReadOnlyList<SubjectResult> subjects)
    {
        var nameWidth = Math.Max("pattern".Length, subjects.Max(s => s.Name.Length));
        output.WriteLine($"  {"pattern".PadRight(nameWidth)}  {"kind",-9}  {"events",12}  {"alarm periods",13}  {"firings",9}");
        foreach (var subject in subjects)
        {
            output.WriteLine($"  {subject.Name.PadRight(nameWidth)}  {subject.Kind,-9}  {N(subject.MatchingEvents),12}  {N(subject.AlarmPeriods.Count),13}  {N(subject.Firings),9}");
        }
    }

    private static void WriteShares(TextWriter output, SubjectResult subject)
    {
        if (subject.MatchingEvents == 0)
        {
            return;
        }

        output.WriteLine($"  {subject.Name} top principals: {Shares(subject.Principals)}");
        output.WriteLine($"  {subject.Name} top source IPs: {Shares(subject.SourceIps)}");
        output.WriteLine($"  {subject.Name} by account: {Shares(subject.Accounts)}; by region: {Shares(subject.Regions)}");
    }

    private static string Shares(IReadOnlyList<Share> shares) => string.Join(", ", shares.Take(5).Select(share => $"{share.Value} {N(share.Count)}"));

    private static string Accounts(IReadOnlyList<string> accounts) => accounts.Count <= 3 ? string.Join(", ", accounts) : $"{accounts[0]} and {accounts.Count - 1} more accounts";

    private static string Window(BacktestResult result) =>
        result.From is null && result.To is null ? "" : $"; events from {result.From?.ToString("u", CultureInfo.InvariantCulture) ?? "the start"} to {result.To?.ToString("u", CultureInfo.InvariantCulture) ?? "the end"}";

    private static string Size(long bytes) => bytes >= 1 << 30 ? $"{bytes / (double)(1 << 30):0.0} GB" : $"{bytes / (double)(1 << 20):0.0} MB";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Plural(long count, string word) => count == 1 ? word : word + "s";
}
