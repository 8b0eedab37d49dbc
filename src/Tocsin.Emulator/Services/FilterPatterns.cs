using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Parsing;
using Tocsin.Emulator.Protocol;

namespace Tocsin.Emulator.Services;

/// <summary>
/// The one place the emulator uses Core: the filter-pattern parser and matcher, so PutMetricFilter rejects
/// what AWS rejects and TestMetricFilter answers as AWS does.
/// </summary>
internal static class FilterPatterns
{
    public sealed record Match(int EventNumber, string Message, IReadOnlyDictionary<string, string> ExtractedValues);

    /// <summary>Why AWS would refuse the pattern, or null when it is valid.</summary>
    public static string? Problem(string pattern) => PatternParser.Parse(pattern).Error?.Message;

    public static IReadOnlyList<Match> Test(string pattern, IReadOnlyList<string> messages)
    {
        var parsed = PatternParser.Parse(pattern);
        if (parsed.Pattern is null)
        {
            throw new AwsError("InvalidParameterException", "Invalid metric filter pattern");
        }

        var matcher = PatternMatcher.Compile(parsed.Pattern);
        return [.. messages
            .Select((message, index) => (Message: message, Number: index + 1))
            .Where(item => matcher.Matches(item.Message))
            .Select(item => new Match(item.Number, item.Message, matcher.ExtractedValues(item.Message)))];
    }
}
