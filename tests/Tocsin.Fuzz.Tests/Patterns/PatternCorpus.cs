using System.Text.Json;

namespace Tocsin.Fuzz.Tests.Patterns;

/// <summary>The patterns and events of the conformance suite (tests/fixtures/filter-patterns/cases.jsonl), as seeds to mutate.</summary>
internal static class PatternCorpus
{
    private static readonly Lazy<(string[] Patterns, string[] Events)> Cases = new(Load);

    public static IReadOnlyList<string> Patterns => Cases.Value.Patterns;

    public static IReadOnlyList<string> Events => Cases.Value.Events;

    private static (string[], string[]) Load()
    {
        var patterns = new List<string>();
        var events = new List<string>();
        foreach (var line in File.ReadLines(RepositoryFiles.ConformanceCases).Where(l => l.Length > 0))
        {
            using var document = JsonDocument.Parse(line);
            patterns.Add(document.RootElement.GetProperty("pattern").GetString()!);
            events.Add(document.RootElement.GetProperty("event").GetString()!);
        }

        return ([.. patterns.Distinct(StringComparer.Ordinal)], [.. events.Distinct(StringComparer.Ordinal)]);
    }
}
