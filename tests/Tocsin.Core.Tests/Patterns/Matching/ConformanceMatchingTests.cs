using System.Text.Json;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Parsing;

namespace Tocsin.Core.Tests.Patterns.Matching;

/// <summary>Runs every case of the shared conformance suite through the parser and the matcher.</summary>
public class ConformanceMatchingTests
{
    public static TheoryData<string> CaseIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Cases().Keys)
            data.Add(id);
        return data;
    }

    [Fact]
    public void The_conformance_suite_is_present_and_not_empty() => Cases().Count.ShouldBeGreaterThan(100);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Every_conformance_case_matches_as_aws_does(string id)
    {
        var (pattern, message, expected) = Cases()[id];
        var parsed = PatternParser.Parse(pattern);
        if (expected is null)
        {
            parsed.Succeeded.ShouldBeFalse($"{id}: the parser accepted a pattern AWS rejects");
            return;
        }

        parsed.Succeeded.ShouldBeTrue($"{id}: {parsed.Error}");
        var matcher = PatternMatcher.Compile(parsed.Pattern!);
        matcher.Matches(message).ShouldBe(expected.Value, $"{id}: {pattern} on {message}");
        matcher.Matches(System.Text.Encoding.UTF8.GetBytes(message)).ShouldBe(expected.Value, $"{id} (bytes)");
    }

    private static Dictionary<string, (string Pattern, string Event, bool? Matches)> Cases()
    {
        var cases = new Dictionary<string, (string, string, bool?)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(RepositoryFiles.ConformanceCases).Where(line => line.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var matches = root.GetProperty("matches");
            cases.Add(
                root.GetProperty("id").GetString()!,
                (root.GetProperty("pattern").GetString()!, root.GetProperty("event").GetString()!,
                    matches.ValueKind == JsonValueKind.Null ? null : matches.GetBoolean()));
        }

        return cases;
    }
}
