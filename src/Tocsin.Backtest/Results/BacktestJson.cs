using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tocsin.Backtest.Subjects;

namespace Tocsin.Backtest.Results;

/// <summary>
/// <c>{"controls": [{"controlId", "matchingEvents", "alarmPeriods", "populations", "variants": [...]}], "patterns",
/// "files", "events", "badRecords", ...}</c>: a control's own figures are its baseline's; every other pattern is a
/// variant with what it would have missed and added beside the baseline. Deterministic: the same history gives the same bytes
/// but for <c>seconds</c>.
/// </summary>
public static class BacktestJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(BacktestResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var buffer = new MemoryStream();
        Write(result, buffer);
        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>
    /// Writes the report's UTF-8 bytes straight to a stream (standard output, a file): no text is made of them, which
    /// for the whole catalog's 3 MB report is a few percent of a backtest.
    /// </summary>
    public static void Write(BacktestResult result, Stream output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        using (var json = new Utf8JsonWriter(output, Options))
        {
            json.WriteStartObject();
            json.WriteNumber("periodSeconds", result.PeriodSeconds);
            WriteTime(json, "from", result.From);
            WriteTime(json, "to", result.To);
            json.WriteStartArray("controls");
            foreach (var control in result.Controls)
            {
                json.WriteStartObject();
                json.WriteString("controlId", control.ControlId);
                json.WriteString("title", control.Title);
                WriteFigures(json, control.Baseline);
                json.WriteStartObject("populations");
                foreach (var population in control.Populations)
                {
                    json.WriteNumber(population, control.Baseline.Populations.GetValueOrDefault(population));
                }

                json.WriteEndObject();
                json.WriteStartArray("variants");
                foreach (var variant in control.Variants)
                {
                    WriteSubject(json, variant, control.Baseline);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("patterns");
            foreach (var pattern in result.Patterns)
            {
                WriteSubject(json, pattern, null);
            }

            json.WriteEndArray();
            WriteInput(json, result.Input);
            json.WriteStartArray("notes");
            foreach (var note in result.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteByte((byte)'\n');
    }

    private static void WriteSubject(Utf8JsonWriter json, SubjectResult subject, SubjectResult? baseline)
    {
        json.WriteStartObject();
        WriteFigures(json, subject);
        json.WriteStartObject("populations");
        foreach (var (population, count) in subject.Populations)
        {
            json.WriteNumber(population, count);
        }

        json.WriteEndObject();
        if (baseline is not null)
        {
            json.WriteString("comparedWith", baseline.Name);
            WriteOccurrences(json, "missed", subject.Missed);
            WriteOccurrences(json, "extra", subject.Extra);
        }

        json.WriteEndObject();
    }

    private static void WriteFigures(Utf8JsonWriter json, SubjectResult subject)
    {
        json.WriteString("name", subject.Name);
        json.WriteString("kind", subject.Kind);
        json.WriteString("pattern", subject.Pattern);
        json.WriteString("language", subject.Language);
        WriteAlarm(json, subject.Alarm);
        json.WriteNumber("matchingEvents", subject.MatchingEvents);
        json.WriteNumber("alarmPeriods", subject.AlarmPeriods.Count);
        json.WriteNumber("firings", subject.Firings);
        if (subject.ScopeAccounts is { } accounts)
        {
            json.WriteStartArray("accounts");
            foreach (var account in accounts)
            {
                json.WriteStringValue(account);
            }

            json.WriteEndArray();
        }

        WriteOccurrence(json, "last", subject.Last);
        var alarmPeriods = subject.AlarmPeriods.ToHashSet();
        json.WriteStartArray("timeline");
        foreach (var period in subject.Timeline)
        {
            json.WriteStartObject();
            json.WriteString("start", Time(period.Start));
            json.WriteNumber("events", period.Count);
            json.WriteBoolean("alarm", alarmPeriods.Contains(period.Start.ToUnixTimeSeconds()));
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("breakdown");
        WriteShares(json, "principals", subject.Principals);
        WriteShares(json, "sourceIps", subject.SourceIps);
        WriteShares(json, "accounts", subject.Accounts);
        WriteShares(json, "regions", subject.Regions);
        json.WriteEndObject();
    }

    private static void WriteAlarm(Utf8JsonWriter json, AlarmRule alarm)
    {
        json.WriteStartObject("alarm");
        json.WriteNumber("periodSeconds", alarm.PeriodSeconds);
        json.WriteNumber("threshold", alarm.Threshold);
        json.WriteString("comparison", alarm.Comparison.ToString());
        json.WriteNumber("evaluationPeriods", alarm.EvaluationPeriods);
        json.WriteNumber("datapointsToAlarm", alarm.DatapointsToAlarm);
        json.WriteEndObject();
    }

    private static void WriteShares(Utf8JsonWriter json, string name, IReadOnlyList<Share> shares)
    {
        json.WriteStartArray(name);
        foreach (var share in shares)
        {
            json.WriteStartObject();
            json.WriteString("value", share.Value);
            json.WriteNumber("events", share.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteOccurrences(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, Occurrence> byPopulation)
    {
        json.WriteStartObject(name);
        foreach (var (population, occurrence) in byPopulation)
        {
            WriteOccurrence(json, population, occurrence);
        }

        json.WriteEndObject();
    }

    private static void WriteOccurrence(Utf8JsonWriter json, string name, Occurrence? occurrence)
    {
        if (occurrence is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("events", occurrence.Count);
        WriteTime(json, "lastTime", occurrence.LastTime);
        json.WriteString("lastSourceIp", occurrence.LastSourceIp);
        json.WriteString("lastPrincipal", occurrence.LastPrincipal);
        json.WriteEndObject();
    }

    private static void WriteInput(Utf8JsonWriter json, InputSummary input)
    {
        json.WriteNumber("files", input.Files);
        json.WriteNumber("bytes", input.Bytes);
        json.WriteNumber("events", input.Events);
        json.WriteNumber("badRecords", input.BadRecords);
        json.WriteNumber("untimedMatches", input.Untimed);
        json.WriteNumber("seconds", Math.Round(input.Duration.TotalSeconds, 3));
        json.WriteStartArray("problems");
        foreach (var bad in input.BadRecordSamples)
        {
            json.WriteStartObject();
            json.WriteString("file", bad.File);
            json.WriteNumber("offset", bad.Offset);
            json.WriteString("reason", bad.Reason);
            json.WriteEndObject();
        }

        foreach (var (file, failure) in input.Failures)
        {
            json.WriteStartObject();
            json.WriteString("file", file);
            json.WriteNull("offset");
            json.WriteString("reason", failure);
            json.WriteEndObject();
        }

        foreach (var problem in input.Problems)
        {
            json.WriteStartObject();
            json.WriteString("file", problem.Path);
            json.WriteNull("offset");
            json.WriteString("reason", problem.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? time)
    {
        if (time is { } value)
        {
            json.WriteString(name, Time(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
