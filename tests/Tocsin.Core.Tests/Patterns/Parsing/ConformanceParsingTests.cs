using System.Text.Json;
using Tocsin.Core.Patterns.Parsing;

namespace Tocsin.Core.Tests.Patterns.Parsing;

public class ConformanceParsingTests
{
    public static TheoryData<string, string, bool> Cases()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var line in File.ReadLines(RepositoryFiles.ConformanceCases).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var rejected = root.TryGetProperty("error", out var error) && error.GetBoolean();
            data.Add(root.GetProperty("id").GetString()!, root.GetProperty("pattern").GetString()!, rejected);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_conformance_pattern_is_accepted_or_rejected_as_aws_does(string id, string pattern, bool rejected)
    {
        var result = PatternParser.Parse(pattern);

        result.Succeeded.ShouldBe(!rejected, $"{id}: {result.Error}");
    }
}
