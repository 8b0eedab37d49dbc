using System.Globalization;
using System.Text;
using Tocsin.Emulator.Faults;

namespace Tocsin.FaultMatrix;

/// <summary>
/// One random fault configuration, drawn from a seed: a scenario, one to three kinds of fault with their rates and
/// scopes (operation, account, region), sometimes latency, and the faults file that injects them.
/// </summary>
internal sealed record FaultConfiguration(int Seed, MatrixScenario Scenario, IReadOnlyList<FaultKind> Kinds, string FaultsYaml, TimeSpan Latency)
{
    /// <summary>The operations a scan sends per account, which rules and AccessDenied scopes are drawn from.</summary>
    private static readonly string[] Operations =
    [
        "sts:AssumeRole", "ec2:DescribeRegions", "cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors",
        "logs:DescribeMetricFilters", "cloudwatch:DescribeAlarms", "sns:GetTopicAttributes", "sns:ListSubscriptionsByTopic",
        "kms:DescribeKey", "kms:GetKeyPolicy", "cloudtrail:*", "sns:*", "kms:*",
    ];

    /// <summary>The kinds drawn from, with the highest rate each is given (throttling up to half of the requests).</summary>
    private static readonly (FaultKind Kind, string Key, double Low, double High)[] Rated =
    [
        (FaultKind.Throttle, "throttle", 0.05, 0.5),
        (FaultKind.ServerError, "serverError", 0.02, 0.3),
        (FaultKind.Timeout, "timeout", 0.02, 0.1),
        (FaultKind.ConnectionReset, "connectionReset", 0.05, 0.3),
        (FaultKind.Malformed, "malformed", 0.05, 0.2),
        (FaultKind.Truncated, "truncated", 0.05, 0.2),
        (FaultKind.WrongContentType, "wrongContentType", 0.05, 0.2),
        (FaultKind.Oversized, "oversized", 0.05, 0.2),
        (FaultKind.Trickle, "trickle", 0.02, 0.1),
    ];

    /// <summary>Every kind the matrix injects: the rated ones, AccessDenied scopes and a clock 20 minutes off.</summary>
    public static IReadOnlyList<FaultKind> Injectable { get; } = [.. Rated.Select(r => r.Kind), FaultKind.AccessDenied, FaultKind.ClockSkew];

    /// <summary>Requests of this configuration may hang until the scanner's per-attempt timeout ends them.</summary>
    public bool RequestsMayHang => Kinds.Any(kind => kind is FaultKind.Timeout or FaultKind.Trickle);

    public FaultPlan Plan() => FaultPlan.Parse(FaultsYaml, $"fault-matrix-{Seed}.yaml");

    public static FaultConfiguration Draw(int seed)
    {
        var random = new Random(seed);
        var scenario = MatrixScenario.All[random.Next(MatrixScenario.All.Count)];
        var kinds = Injectable.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).Order().ToList();
        var yaml = new StringBuilder();
        yaml.Append(CultureInfo.InvariantCulture, $"seed: {seed}\n");
        yaml.Append(CultureInfo.InvariantCulture, $"timeoutSeconds: {MatrixTiming.ServerTimeout.TotalSeconds}\n");
        yaml.Append(CultureInfo.InvariantCulture, $"trickleMs: {MatrixTiming.TrickleDelay.TotalMilliseconds}\n");
        yaml.Append(CultureInfo.InvariantCulture, $"oversizedBytes: {MatrixTiming.OversizedBytes}\n");
        if (kinds.Contains(FaultKind.ClockSkew))
        {
            yaml.Append(CultureInfo.InvariantCulture, $"clockSkewMinutes: {(random.Next(2) == 0 ? -20 : 20)}\n");
        }

        var latency = random.Next(3) == 0 ? TimeSpan.FromMilliseconds(random.Next(1, 20)) : TimeSpan.Zero;
        var rules = new List<string>();
        if (latency > TimeSpan.Zero)
        {
            rules.Add(string.Create(CultureInfo.InvariantCulture, $"{{ latencyMs: {latency.TotalMilliseconds} }}"));
        }

        foreach (var (kind, key, low, high) in Rated.Where(r => kinds.Contains(r.Kind)))
        {
            var rate = Math.Round(low + (random.NextDouble() * (high - low)), 3);
            rules.Add(string.Create(CultureInfo.InvariantCulture, $"{{ {Scope(random, scenario, denial: false)}, {key}: {rate} }}"));
        }

        var denied = new List<string>();
        if (kinds.Contains(FaultKind.AccessDenied))
        {
            for (var i = 1 + random.Next(3); i > 0; i--)
            {
                denied.Add($"{{ {Scope(random, scenario, denial: true)} }}");
            }
        }

        yaml.Append(List("rules", rules)).Append(List("accessDenied", denied));

        return new FaultConfiguration(seed, scenario, kinds, yaml.ToString(), latency);
    }

    private static string List(string key, IReadOnlyList<string> items) =>
        items.Count == 0 ? $"{key}: []\n" : $"{key}:\n{string.Concat(items.Select(item => $"  - {item}\n"))}";

    /// <summary>
    /// An operation, account and region, each either one of the scenario's or <c>*</c> (the operation <c>*</c> once in
    /// three: it also reaches the calls that start the scan); an AccessDenied scope (<paramref name="denial"/>) always
    /// names an operation of the accounts' reading, so the scan starts and the denial shows in findings.
    /// </summary>
    private static string Scope(Random random, MatrixScenario scenario, bool denial)
    {
        var operation = denial || random.Next(3) != 0 ? Operations[random.Next(Operations.Length)] : "*";
        var account = random.Next(4) == 0 ? scenario.Accounts[random.Next(scenario.Accounts.Count)] : "*";
        var region = random.Next(4) == 0 ? scenario.Regions[random.Next(scenario.Regions.Count)] : "*";
        return $"operation: \"{operation}\", account: \"{account}\", region: \"{region}\"";
    }

    /// <summary>The reason codes an error may carry when these kinds were injected.</summary>
    public IReadOnlySet<string> ReasonsAllowed() => Kinds.Select(kind => kind switch
    {
        FaultKind.Throttle => "throttled",
        FaultKind.AccessDenied => "access-denied",
        _ => "unavailable",
    }).ToHashSet(StringComparer.Ordinal);

    public string Describe() => string.Join(", ", Kinds.Select(kind => kind.ToString()));
}
