using System.CommandLine;

namespace Tocsin.Cli;

/// <summary><c>tocsin pattern test | verdict | conformance</c>.</summary>
internal static class PatternCommand
{
    public static Command Create(CliConsole console)
    {
        var pattern = new Command("pattern", "Test, judge and check CloudWatch Logs filter patterns.");
        _ = console;
        return pattern;
    }
}
