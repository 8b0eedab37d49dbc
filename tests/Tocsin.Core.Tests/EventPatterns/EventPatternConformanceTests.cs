using System.Text.Json;
using Tocsin.Core.EventPatterns;

namespace Tocsin.Core.Tests.EventPatterns;

/// <summary>Every case of tests/fixtures/event-patterns/cases.jsonl, drawn from the EventBridge user guide.</summary>
public class EventPatternConformanceTests
{
    private static IEnumerable<JsonElement> Cases() =>
        File.ReadLines(RepositoryFiles.Fixture("event-patterns", "cases.jsonl"))
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement);

    public static TheoryData<string, string, string, bool> MatchingCases()
    {
        var data = new TheoryData<string, string, string, bool>();
        foreach (var item in Cases().Where(item => item.TryGetProperty("event", out _)))
        {
            data.Add(item.GetProperty("id").GetString()!, item.GetProperty("pattern").GetString()!, item.GetProperty("event").GetRawText(), item.GetProperty("matches").GetBoolean());
        }

        return data;
    }

    public static TheoryData<string, string, string> RejectedCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var item in Cases().Where(item => item.TryGetProperty("error", out _)))
        {
            data.Add(item.GetProperty("id").GetString()!, item.GetProperty("pattern").GetString()!, item.GetProperty("error").GetString()!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MatchingCases))]
    public void Every_documented_event_matches_or_not_as_eventbridge_says(string id, string pattern, string @event, bool matches)
    {
        var (matcher, error) = EventPatternMatcher.Compile(pattern);

        error.ShouldBeNull(id);
        matcher!.Matches(@event).ShouldBe(matches, id);
    }

    [Theory]
    [MemberData(nameof(RejectedCases))]
    public void Every_pattern_eventbridge_refuses_is_refused_in_words(string id, string pattern, string error)
    {
        var parsed = EventPatternParser.Parse(pattern);

        parsed.Pattern.ShouldBeNull(id);
        parsed.Error!.Message.ShouldContain(error, Case.Sensitive, id);
    }

    [Fact]
    public void Every_case_cites_its_source_and_has_a_unique_id()
    {
        var cases = Cases().ToList();

        cases.Count.ShouldBeGreaterThan(100);
        cases.ShouldAllBe(item => item.GetProperty("source").GetString()!.Length > 0);
        cases.Select(item => item.GetProperty("id").GetString()).ShouldBeUnique();
    }
}
