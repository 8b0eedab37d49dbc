using System.Text.Json;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Parsing;

namespace Tocsin.Core.Patterns.Conformance;

/// <summary>
/// Runs a conformance file in the shared format (<c>{"id","pattern","event","matches"}</c> per line,
/// <c>matches: null</c> with <c>error: true</c> for a pattern that must be rejected) through the parser and matcher.
/// </summary>
public static class ConformanceRunner
{
    public static ConformanceReport Run(TextReader cases, string fileName)
    {
        var passed = 0;
        var failures = new List<ConformanceFailure>();
        foreach (var @case in Read(cases, fileName))
        {
            if (Check(@case) is { } failure)
            {
                failures.Add(failure);
            }
            else
            {
                passed++;
            }
        }

        return new ConformanceReport(passed, failures);
    }

    private static ConformanceFailure? Check(ConformanceCase @case)
    {
        var parsed = PatternParser.Parse(@case.Pattern);
        if (@case.MustBeRejected)
        {
            return parsed.Succeeded ? new ConformanceFailure(@case, "expected the pattern to be rejected, but it was accepted") : null;
        }

        if (parsed.Pattern is not { } pattern)
        {
            return new ConformanceFailure(@case, $"expected the pattern to be accepted, but it was rejected: {parsed.Error}");
        }

        var matches = PatternMatcher.Compile(pattern).Matches(@case.Event);
        return matches == @case.Matches
            ? null
            : new ConformanceFailure(@case, matches ? "expected no match, but the event matched" : "expected a match, but the event did not match");
    }

    private static IEnumerable<ConformanceCase> Read(TextReader reader, string fileName)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return ParseLine(line, lineNumber, fileName);
        }
    }

    private static ConformanceCase ParseLine(string line, int lineNumber, string fileName)
    {
        string Where() => $"{fileName}:{lineNumber}";
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException invalid)
        {
            throw new ConformanceFileException($"{Where()}: not a JSON object: {invalid.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ConformanceFileException($"{Where()}: expected a JSON object, found {root.ValueKind.ToString().ToLowerInvariant()}");
        }

        string Text(string name) =>
            root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : throw new ConformanceFileException($"{Where()}: \"{name}\" must be a string");

        var mustBeRejected = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.True;
        bool? matches = root.TryGetProperty("matches", out var m) ? m.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => throw new ConformanceFileException($"{Where()}: \"matches\" must be true, false or null"),
        } : throw new ConformanceFileException($"{Where()}: \"matches\" is missing");
        if (matches is null && !mustBeRejected)
        {
            throw new ConformanceFileException($"{Where()}: \"matches\" is null but \"error\" is not true");
        }

        return new ConformanceCase(lineNumber, Text("id"), Text("pattern"), root.TryGetProperty("event", out _) ? Text("event") : "", matches, mustBeRejected);
    }
}
