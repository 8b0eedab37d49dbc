using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Tocsin.Bench;

// Usage:
//   Tocsin.Bench                        BenchmarkDotNet short run; prints events/s and MB/s per benchmark
//   Tocsin.Bench write-events FILE      writes the generated CloudTrail lines (for bench/jq-compare.sh)
//   Tocsin.Bench write-history FILE MB  writes MB megabytes of generated CloudTrail lines, times running on (for bench/backtest.sh)
//   Tocsin.Bench throughput FILE        times the seed pattern over FILE's lines; prints MB/s and the match count
//   Tocsin.Bench cis-breakdown          times each CIS pattern alone over the generated lines
switch (args)
{
    case ["write-events", var file]:
        File.WriteAllBytes(file, MatcherBenchmarks.SharedEvents.Bytes);
        Console.WriteLine($"{MatcherBenchmarks.SharedEvents.Events.Length} events, {MatcherBenchmarks.SharedEvents.Bytes.Length} bytes -> {file}");
        return 0;
    case ["write-history", var file, var megabytes]:
        return WriteHistory(file, int.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture));
    case ["throughput", var file]:
        return Throughput(file);
    case ["cis-breakdown"]:
        return CisBreakdown();
    default:
        return RunBenchmarks(args);
}

// 32 MB chunks, each from its own seed, the records' times running on from chunk to chunk.
static int WriteHistory(string file, int megabytes)
{
    using var output = File.Create(file);
    var sequence = 0;
    for (var chunk = 0; (long)chunk * 32 < megabytes; chunk++)
    {
        var generator = new CloudTrailEventGenerator(2024 + chunk) { Sequence = sequence };
        output.Write(generator.GenerateLines(32 * 1024 * 1024));
        sequence = generator.Sequence;
    }

    Console.WriteLine($"{output.Length} bytes -> {file}");
    return 0;
}

static int RunBenchmarks(string[] args)
{
    var config = ManualConfig.Create(DefaultConfig.Instance)
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess"))
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
    var summary = BenchmarkSwitcher.FromTypes([typeof(MatcherBenchmarks)]).RunAll(config, args).Single();
    PrintThroughput(summary);
    return 0;
}

static void PrintThroughput(Summary summary)
{
    var events = MatcherBenchmarks.SharedEvents;
    Console.WriteLine();
    Console.WriteLine($"Input: {events.Events.Length:N0} CloudTrail events, {events.EventBytes / 1e6:F1} MB (single thread, in memory)");
    Console.WriteLine("| Benchmark | events/s | MB/s |");
    Console.WriteLine("|---|---:|---:|");
    foreach (var report in summary.Reports)
    {
        if (report.ResultStatistics is not { } stats)
            continue;
        var seconds = stats.Mean / 1e9;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo} | {events.Events.Length / seconds:N0} | {events.EventBytes / 1e6 / seconds:N0} |"));
    }
}

static int Throughput(string file)
{
    var events = EventFile.FromLines(File.ReadAllBytes(file));
    var seed = MatcherBenchmarks.Compile(CisMonitoringPatterns.ConsoleSignInWithoutMfa);
    var matches = 0;
    var best = double.MaxValue;
    for (var round = 0; round < 7; round++)
    {
        matches = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < events.Events.Length; i++)
        {
            if (seed.Matches(events[i]))
                matches++;
        }

        best = Math.Min(best, clock.Elapsed.TotalSeconds);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"tocsin matches={matches} seconds={best:F4} MBps={events.Bytes.Length / 1e6 / best:F0}"));
    return 0;
}

static int CisBreakdown()
{
    var events = MatcherBenchmarks.SharedEvents;
    foreach (var (control, pattern) in CisMonitoringPatterns.All)
    {
        var matcher = MatcherBenchmarks.Compile(pattern);
        var matches = 0;
        var best = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            matches = 0;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < events.Events.Length; i++)
            {
                if (matcher.Matches(events[i]))
                    matches++;
            }

            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{control,-26} matches={matches,6} MBps={events.EventBytes / 1e6 / best,8:F0}"));
    }

    return 0;
}
