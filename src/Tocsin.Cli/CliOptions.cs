using System.CommandLine;

namespace Tocsin.Cli;

/// <summary>Options several commands share, declared once so their names and help read the same everywhere.</summary>
internal static class CliOptions
{
    public static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = $"Output format: {string.Join(", ", formats)}.",
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    /// <summary><c>--language filter|eventbridge</c>: which pattern language the pattern argument is written in.</summary>
    public static Option<string> Language()
    {
        var option = new Option<string>("--language")
        {
            Description = "The pattern language: filter (CloudWatch Logs filter patterns) or eventbridge (EventBridge event patterns).",
            DefaultValueFactory = _ => "filter",
        };
        option.AcceptOnlyFromAmong("filter", "eventbridge");
        return option;
    }

    /// <summary>Reads a file the user named, turning a missing or unreadable file into a usage error.</summary>
    public static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot read the file: {error.Message}");
        }
    }
}
