using System.Collections.Concurrent;
using System.Text;

namespace Tocsin.Emulator.Faults;

/// <summary>
/// Faults to inject: throttling, server errors, timeouts, connection resets, broken replies (malformed, truncated,
/// wrong content type, oversized, trickling), latency, AccessDenied, disabled opt-in regions and a skewed clock.
/// Draws are a pure function of the seed, the request's action/account/region and how many such requests came
/// before, so the same sequence of calls meets the same faults on every run.
/// </summary>
public sealed class FaultPlan
{
    private readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<FaultKind, long> _injected = new();

    public FaultPlan(int seed, IReadOnlyList<FaultRule> rules, IReadOnlyList<FaultScope> accessDenied, IReadOnlyList<FaultScope> disabledRegions, TimeSpan? timeoutAfter = null)
    {
        Seed = seed;
        Rules = rules;
        AccessDenied = accessDenied;
        DisabledRegions = disabledRegions;
        TimeoutAfter = timeoutAfter ?? TimeSpan.FromSeconds(10);
    }

    public static FaultPlan None { get; } = new(0, [], [], []);

    public int Seed { get; }

    public IReadOnlyList<FaultRule> Rules { get; }

    public IReadOnlyList<FaultScope> AccessDenied { get; }

    /// <summary>Scopes (account, region) whose region is treated as not opted in.</summary>
    public IReadOnlyList<FaultScope> DisabledRegions { get; }

    /// <summary>How long a timed-out request hangs before its connection is dropped.</summary>
    public TimeSpan TimeoutAfter { get; }

    /// <summary>How long a trickling reply waits between two bytes (<c>trickleMs</c>).</summary>
    public TimeSpan TrickleDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The size an oversized reply is padded to (<c>oversizedBytes</c>).</summary>
    public long OversizedBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>How far the emulator's clock is from the true time (<c>clockSkewMinutes</c>; positive: ahead).</summary>
    public TimeSpan ClockSkew { get; init; }

    public static FaultPlan Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new EmulatorInputException($"{path}: the faults file does not exist.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads a faults file; rates outside 0..1 or negative latencies are refused with where they are.</summary>
    public static FaultPlan Parse(string yaml, string source)
    {
        var file = Yaml.Read<FaultFile>(yaml, source);
        var rules = new List<FaultRule>();
        for (var i = 0; i < file.Rules.Count; i++)
        {
            var rule = file.Rules[i];
            var rates = rule.Rates();
            foreach (var (name, _, rate) in rates)
            {
                if (rate is < 0 or > 1)
                {
                    throw new EmulatorInputException($"{source}: rules[{i}].{name} is {rate}; a rate is between 0 and 1.");
                }
            }

            if (rates.Sum(r => r.Rate) > 1 + 1e-9)
            {
                throw new EmulatorInputException($"{source}: rules[{i}]: the rates add up to {rates.Sum(r => r.Rate)}; a request meets at most one fault, so they add up to 1 at most.");
            }

            if (rule.LatencyMs < 0 || rule.JitterMs < 0)
            {
                throw new EmulatorInputException($"{source}: rules[{i}] has a negative latency.");
            }

            rules.Add(new FaultRule(rule.ToScope(), [.. rates.Select(r => new FaultRate(r.Kind, r.Rate))], TimeSpan.FromMilliseconds(rule.LatencyMs), TimeSpan.FromMilliseconds(rule.JitterMs)));
        }

        for (var i = 0; i < file.DisabledRegions.Count; i++)
        {
            if (file.DisabledRegions[i].Operation != "*")
            {
                throw new EmulatorInputException($"{source}: disabledRegions[{i}].operation: a disabled region refuses every operation; give only region and account.");
            }
        }

        if (file.TimeoutSeconds <= 0)
        {
            throw new EmulatorInputException($"{source}: timeoutSeconds must be positive.");
        }

        if (file.TrickleMs <= 0)
        {
            throw new EmulatorInputException($"{source}: trickleMs must be positive.");
        }

        if (file.OversizedBytes <= 0)
        {
            throw new EmulatorInputException($"{source}: oversizedBytes must be positive.");
        }

        return new FaultPlan(
            file.Seed,
            rules,
            [.. file.AccessDenied.Select(scope => scope.ToScope())],
            [.. file.DisabledRegions.Select(scope => scope.ToScope())],
            TimeSpan.FromSeconds(file.TimeoutSeconds))
        {
            TrickleDelay = TimeSpan.FromMilliseconds(file.TrickleMs),
            OversizedBytes = file.OversizedBytes,
            ClockSkew = TimeSpan.FromMinutes(file.ClockSkewMinutes),
        };
    }

    /// <summary>How many requests met each kind of fault so far (latency alone is not counted).</summary>
    public IReadOnlyDictionary<FaultKind, long> Injected => new SortedDictionary<FaultKind, long>(_injected);

    /// <summary>Counts a fault met outside <see cref="Decide"/>, such as a request refused by the skewed clock.</summary>
    public void Count(FaultKind kind) => _injected.AddOrUpdate(kind, 1, (_, count) => count + 1);

    public bool IsRegionDisabled(string account, string region) =>
        DisabledRegions.Any(scope => scope.Matches(scope.Operation, account, region));

    public FaultDecision Decide(string action, string account, string region)
    {
        if (Rules.Count == 0 && AccessDenied.Count == 0)
        {
            return FaultDecision.None;
        }

        if (AccessDenied.Any(scope => scope.Matches(action, account, region)))
        {
            Count(FaultKind.AccessDenied);
            return new FaultDecision(TimeSpan.Zero, FaultKind.AccessDenied);
        }

        var key = $"{action}|{account}|{region}";
        var count = _counters.AddOrUpdate(key, 1, (_, previous) => previous + 1);
        var latency = TimeSpan.Zero;
        var kind = FaultKind.None;
        var draw = 0;
        foreach (var rule in Rules.Where(rule => rule.Scope.Matches(action, account, region)))
        {
            latency += rule.Latency + (rule.Jitter * Draw(key, count, draw++));
            if (kind != FaultKind.None)
            {
                continue;
            }

            var roll = Draw(key, count, draw++);
            var below = 0.0;
            foreach (var rate in rule.Rates)
            {
                below += rate.Rate;
                if (roll < below)
                {
                    kind = rate.Kind;
                    break;
                }
            }
        }

        if (kind != FaultKind.None)
        {
            Count(kind);
        }

        return kind.ChangesReply()
            ? new FaultDecision(latency, kind, Draw(key, count, draw))
            : new FaultDecision(latency, kind);
    }

    /// <summary>A uniform number in [0, 1) from the seed, the request key, its ordinal and the draw number.</summary>
    private double Draw(string key, long ordinal, int draw)
    {
        ulong hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        var x = hash ^ ((ulong)(uint)Seed << 32) ^ ((ulong)ordinal * 0x9E3779B97F4A7C15UL) ^ ((ulong)draw * 0xBF58476D1CE4E5B9UL);
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }
}
