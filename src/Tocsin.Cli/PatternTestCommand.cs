using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tocsin.Core.EventPatterns;
using Tocsin.Core.Patterns.Matching;

namespace Tocsin.Cli;

/// <summary>
/// <c>tocsin pattern test PATTERN (--event TEXT | --events FILE)</c>: like CloudWatch's TestMetricFilter. A file is
/// streamed line by line through the matcher as raw bytes, so memory stays bounded whatever its size; only the lines
/// that are printed become strings.
/// </summary>
internal static class PatternTestCommand
{
    /// <summary>The longest event line read from a file; CloudWatch Logs itself caps an event at 256 KB.</summary>
    private const int MaxLineBytes = 16 << 20;

    public static Command Create(CliConsole console)
    {
        var pattern = PatternCommand.PatternArgument();
        var events = new Option<string[]>("--event") { Description = "An event message to test; repeat for several. With --language eventbridge, a JSON event or a file holding one." };
        var file = new Option<string?>("--events") { Description = "A file of event messages (or JSON events), one per line (streamed: any size)." };
        var language = CliOptions.Language();
        var matchesOnly = new Option<bool>("--matches-only") { Description = "Print only the events that match." };
        var count = new Option<bool>("--count") { Description = "Print only how many events match, of how many." };
        var format = CliOptions.Format("text", "json");
        var command = new Command("test", "Test a filter pattern against event messages, as CloudWatch Logs' TestMetricFilter does (or an event pattern against events, as EventBridge's TestEventPattern does).")
        {
            pattern, events, file, matchesOnly, count, format, language,
        };
        command.SetAction(parse =>
        {
            var output = new EventOutput(console.Out, parse.GetValue(format) == "json", parse.GetValue(matchesOnly), parse.GetValue(count));
            return parse.GetValue(language) == "eventbridge"
                ? RunEventPattern(output, parse.GetValue(pattern)!, parse.GetValue(events) ?? [], parse.GetValue(file))
                : Run(output, parse.GetValue(pattern)!, parse.GetValue(events) ?? [], parse.GetValue(file));
        });
        return command;
    }

    private static int Run(EventOutput output, string patternText, string[] events, string? file)
    {
        if (events.Length == 0 && file is null)
        {
            throw new UsageException("pattern test needs at least one event: --event TEXT or --events FILE");
        }

        var matcher = PatternMatcher.Compile(PatternCommand.ParseArgument(patternText));
        foreach (var message in events)
        {
            output.Event(matcher, Encoding.UTF8.GetBytes(message));
        }

        if (file is not null)
        {
            Stream(file, line => output.Event(matcher, line));
        }

        output.Finish();
        return ExitCodes.Ok;
    }

    /// <summary>
    /// An event pattern against JSON events: each <c>--event</c> is a file holding one event when such a file exists,
    /// else the event itself; <c>--events</c> holds one event per line. Text that is not a JSON object matches nothing.
    /// </summary>
    private static int RunEventPattern(EventOutput output, string patternText, string[] events, string? file)
    {
        if (events.Length == 0 && file is null)
        {
            throw new UsageException("pattern test needs at least one event: --event JSON|FILE or --events FILE");
        }

        var matcher = new EventPatternMatcher(PatternCommand.ParseEventPattern(patternText));
        foreach (var @event in events)
        {
            var text = File.Exists(@event) ? CliOptions.ReadFile(@event) : @event;
            output.Event(matcher.Matches(Encoding.UTF8.GetBytes(text)));
        }

        if (file is not null)
        {
            Stream(file, line => output.Event(matcher.Matches(line)));
        }

        output.Finish();
        return ExitCodes.Ok;
    }

    private delegate void LineHandler(ReadOnlySpan<byte> line);

    /// <summary>Hands on each non-empty line of the file (without its <c>\r\n</c>), reading it in pooled blocks.</summary>
    private static void Stream(string path, LineHandler handle)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var filled = 0;
            long lineNumber = 0;
            while (true)
            {
                var read = stream.Read(buffer, filled, buffer.Length - filled);
                filled += read;
                var start = 0;
                while (true)
                {
                    var end = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n');
                    if (end < 0)
                    {
                        break;
                    }

                    lineNumber++;
                    Handle(buffer.AsSpan(start, end), handle);
                    start += end + 1;
                }

                if (read == 0)
                {
                    if (filled > start)
                    {
                        Handle(buffer.AsSpan(start, filled - start), handle);
                    }

                    return;
                }

                // Keep the unfinished line; grow only when one line fills the whole buffer.
                buffer.AsSpan(start, filled - start).CopyTo(buffer);
                filled -= start;
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= MaxLineBytes)
                    {
                        throw new UsageException($"{path}: line {lineNumber + 1} is longer than {MaxLineBytes >> 20} MB; is this a file of log events, one per line?");
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read the file: {error.Message}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void Handle(ReadOnlySpan<byte> line, LineHandler handle)
    {
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (line.Length > 0)
        {
            handle(line);
        }
    }

    /// <summary>Numbers the events and prints each (or only the matches, or only the count) as text or JSON lines.</summary>
    private sealed class EventOutput(TextWriter output, bool json, bool matchesOnly, bool countOnly)
    {
        private long _events;
        private long _matches;

        public void Event(PatternMatcher matcher, ReadOnlySpan<byte> message)
        {
            _events++;
            var matches = matcher.Matches(message);
            if (matches)
            {
                _matches++;
            }

            if (countOnly || (matchesOnly && !matches))
            {
                return;
            }

            var extracted = matches ? matcher.ExtractedValues(Encoding.UTF8.GetString(message)) : new Dictionary<string, string>();
            output.WriteLine(json
                ? new JsonObject { ["event"] = _events, ["matches"] = matches, ["extractedValues"] = new JsonObject([.. extracted.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value))]) }.ToJsonString()
                : $"event {_events}: {(matches ? "matches" : "no match")}{Extracted(extracted)}");
        }

        /// <summary>An event already judged by a matcher that extracts no values (an event pattern).</summary>
        public void Event(bool matches)
        {
            _events++;
            _matches += matches ? 1 : 0;
            if (countOnly || (matchesOnly && !matches))
            {
                return;
            }

            output.WriteLine(json
                ? new JsonObject { ["event"] = _events, ["matches"] = matches }.ToJsonString()
                : $"event {_events}: {(matches ? "matches" : "no match")}");
        }

        public void Finish()
        {
            if (countOnly)
            {
                output.WriteLine(json
                    ? new JsonObject { ["events"] = _events, ["matches"] = _matches }.ToJsonString()
                    : $"{_matches} of {_events} {(_events == 1 ? "event matches" : "events match")}");
            }
        }

        private static string Extracted(IReadOnlyDictionary<string, string> values) =>
            values.Count == 0 ? "" : "  " + string.Join(" ", values.Select(pair => $"{pair.Key}={pair.Value}"));
    }
}
