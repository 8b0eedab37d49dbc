using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Parsing;

namespace Tocsin.Bench;

/// <summary>Single-threaded passes over the same in-memory CloudTrail lines; each operation is one full pass.</summary>
[MemoryDiagnoser]
public class MatcherBenchmarks
{
    private EventFile _events = null!;
    private PatternMatcher _seed = null!;
    private PatternMatcher[] _cisSet = null!;

    internal static EventFile SharedEvents { get; } = EventFile.Generate();

    [GlobalSetup]
    public void Setup()
    {
        _events = SharedEvents;
        _seed = Compile(CisMonitoringPatterns.ConsoleSignInWithoutMfa);
        _cisSet = CisMonitoringPatterns.All.Select(entry => Compile(entry.Pattern)).ToArray();
    }

    [Benchmark(Description = "seed pattern (CloudWatch.3)")]
    public int SeedPattern()
    {
        var matches = 0;
        for (var i = 0; i < _events.Events.Length; i++)
        {
            if (_seed.Matches(_events[i]))
                matches++;
        }

        return matches;
    }

    [Benchmark(Description = "CIS monitoring set (15 patterns)")]
    public int CisMonitoringSet()
    {
        var matches = 0;
        for (var i = 0; i < _events.Events.Length; i++)
        {
            var message = _events[i];
            foreach (var matcher in _cisSet)
            {
                if (matcher.Matches(message))
                    matches++;
            }
        }

        return matches;
    }

    [Benchmark(Description = "System.Text.Json JsonDocument.Parse", Baseline = true)]
    public int JsonDocumentParse()
    {
        var properties = 0;
        for (var i = 0; i < _events.Events.Length; i++)
        {
            using var document = JsonDocument.Parse(_events.Bytes.AsMemory(_events.Events[i].Start, _events.Events[i].Length));
            properties += document.RootElement.GetPropertyCount();
        }

        return properties;
    }

    public static PatternMatcher Compile(string pattern)
    {
        var parsed = PatternParser.Parse(pattern);
        return parsed.Pattern is { } tree
            ? PatternMatcher.Compile(tree)
            : throw new InvalidOperationException($"benchmark pattern does not parse: {parsed.Error}: {pattern}");
    }
}
