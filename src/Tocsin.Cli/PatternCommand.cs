using System.CommandLine;
using Tocsin.Core.EventPatterns;
using Tocsin.Core.Patterns.Parsing;
using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Cli;

/// <summary><c>tocsin pattern test | verdict | conformance</c>.</summary>
internal static class PatternCommand
{
    public static Command Create(CliConsole console)
    {
        var pattern = new Command("pattern", "Test, judge and check CloudWatch Logs filter patterns and EventBridge event patterns.");
        pattern.Subcommands.Add(PatternTestCommand.Create(console));
        pattern.Subcommands.Add(PatternVerdictCommand.Create(console));
        pattern.Subcommands.Add(PatternConformanceCommand.Create(console));
        return pattern;
    }

    /// <summary>
    /// Parses the pattern the user typed. An empty argument is refused: CloudWatch Logs would match every event
    /// with it, and on a command line it is far more often an unset shell variable than a wish.
    /// </summary>
    public static FilterPattern ParseArgument(string text)
    {
        if (text.Length == 0)
        {
            throw new UsageException("the pattern is empty (CloudWatch Logs would match every event with it); give a filter pattern");
        }

        var parsed = PatternParser.Parse(text);
        return parsed.Pattern ?? throw new UsageException($"invalid filter pattern: {parsed.Error}");
    }

    /// <summary>Parses an EventBridge event pattern the user typed; a refused one is a usage error that points at the place.</summary>
    public static EventPattern ParseEventPattern(string text)
    {
        var parsed = EventPatternParser.Parse(text);
        if (parsed.Pattern is { } pattern)
        {
            return pattern;
        }

        var pointer = parsed.Error!.Pointer(text);
        throw new UsageException($"invalid event pattern: {parsed.Error.Message}" + (pointer.Length > 0 ? Environment.NewLine + pointer : ""));
    }

    /// <summary>The pattern argument; a pattern that starts with `-` goes last, after `--`, as in `pattern test --event x -- -ERROR`.</summary>
    public static Argument<string> PatternArgument() =>
        new("pattern") { Description = "A CloudWatch Logs filter pattern (or, with --language eventbridge, an EventBridge event pattern), quoted for the shell." };
}
