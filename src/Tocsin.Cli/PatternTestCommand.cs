using System.CommandLine;
using System.Text.Json;
using Tocsin.Core.Patterns.Matching;

namespace Tocsin.Cli;

/// <summary><c>tocsin pattern test PATTERN (--event TEXT | --events FILE)</c>: like CloudWatch's TestMetricFilter.</summary>
internal static class PatternTestCommand
{
    public static Command Create(CliConsole console)
    {
        var pattern = PatternCommand.PatternArgument();
        var events = new Option<string[]>("--event") { Description = "An event message to test; repeat for several." };
        var file = new Option<string?>("--events") { Description = "A file of event messages, one per line." };
        var format = CliOptions.Format("text", "json");
        var command = new Command("test", "Test a filter pattern against event messages, as CloudWatch Logs' TestMetricFilter does.")
        {
            pattern, events, file, format,
        };
        command.SetAction(parse => Run(console, parse.GetValue(pattern)!, parse.GetValue(events) ?? [], parse.GetValue(file), parse.GetValue(format)!));
        return command;
    }

    private static int Run(CliConsole console, string patternText, string[] events, string? file, string format)
    {
        var messages = events.ToList();
        if (file is not null)
        {
            messages.AddRange(CliOptions.ReadFile(file).Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0));
        }

        if (messages.Count == 0)
        {
            throw new UsageException("pattern test needs at least one event: --event TEXT or --events FILE");
        }

        var matcher = PatternMatcher.Compile(PatternCommand.ParseArgument(patternText));
        for (var i = 0; i < messages.Count; i++)
        {
            var matches = matcher.Matches(messages[i]);
            var extracted = matches ? matcher.ExtractedValues(messages[i]) : new Dictionary<string, string>();
            console.Out.WriteLine(format == "json"
                ? JsonSerializer.Serialize(new { @event = i + 1, matches, extractedValues = extracted })
                : $"event {i + 1}: {(matches ? "matches" : "no match")}{Extracted(extracted)}");
        }

        return ExitCodes.Ok;
    }

    private static string Extracted(IReadOnlyDictionary<string, string> values) =>
        values.Count == 0 ? "" : "  " + string.Join(" ", values.Select(pair => $"{pair.Key}={pair.Value}"));
}
