using Tocsin.Core.Findings;

namespace Tocsin.Reports.Tests;

/// <summary>Findings whose text from AWS is hostile to spreadsheets, XML and terminals, or longer than any line.</summary>
internal static class HostileSamples
{
    /// <summary>A message a spreadsheet would run as a formula, with a comma, quotes and a line break in it.</summary>
    public static Finding Formula => SampleRuns.Fail with
    {
        AccountId = "666666666666",
        Message = "=HYPERLINK(\"http://x\",\"click\"), said the alarm\r\nsecond line",
        InheritedFrom = null,
    };

    /// <summary>Control characters: an escape sequence that clears a terminal, a bell and a NUL.</summary>
    public static Finding ControlCharacters => SampleRuns.Fail with
    {
        AccountId = "777777777777",
        Message = "alarm \u001b[2J\u001b[31mred\u0007 with \u0000 inside",
        InheritedFrom = null,
    };

    /// <summary>A message of 300 characters.</summary>
    public static Finding LongMessage => SampleRuns.Fail with
    {
        AccountId = "888888888888",
        Message = string.Join(' ', Enumerable.Range(1, 50).Select(n => $"word{n:00}")).PadRight(300, 'x')[..300],
        InheritedFrom = null,
    };

    /// <summary>An ARN of 180 characters without a space, in the message.</summary>
    public static string LongArn { get; } = "arn:aws:logs:us-east-1:999999999999:log-group:" + string.Concat(Enumerable.Range(0, 14).Select(n => $"/segment-{n:00}"));

    public static Finding LongName => SampleRuns.Fail with
    {
        AccountId = "999999999999",
        Message = $"log group {LongArn} has no metric filter",
        InheritedFrom = null,
    };

    /// <summary>A finding that could not be decided and is not suppressed.</summary>
    public static Finding OpenError => SampleRuns.SuppressedError with { AccountId = "444444444444", SuppressedBy = null };

    public static RunResult All() => RunResult.Of([.. SampleRuns.Mixed().Findings, Formula, ControlCharacters, LongMessage, LongName, OpenError], [SampleRuns.ExpiredException]);
}
