using System.Diagnostics;
using System.Globalization;
using Tocsin.Emulator;
using Tocsin.Emulator.Bench;
using Tocsin.Emulator.Scenarios;

// Measures describe calls per second against an in-process emulator serving a generated organization.
// Usage: dotnet run -c Release --project bench/Tocsin.Emulator.Bench -- [accounts] [seconds] [concurrency]
var accounts = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32;

await using var emulator = await EmulatorHost.StartAsync(ScenarioGenerator.Generate(accounts), faults: null, port: 0);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, UseProxy = false });

// Each call is signed per request: the emulator verifies every signature, as AWS does.
var operations = new (string Service, string Target, string Version, string Body)[]
{
    ("logs", "Logs_20140328.DescribeMetricFilters", "1.1", "{\"logGroupName\":\"cloudtrail\"}"),
    ("monitoring", "GraniteServiceVersion20100801.DescribeAlarms", "1.0", "{}"),
    ("cloudtrail", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails", "1.1", "{}"),
};

long calls = 0, failures = 0;
var latencies = new List<double>[concurrency];
var stop = Stopwatch.StartNew();
var until = TimeSpan.FromSeconds(seconds);
var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
{
    latencies[worker] = [];
    var n = worker;
    while (stop.Elapsed < until)
    {
        var account = (n % accounts) + 1;
        var (service, target, version, body) = operations[n % operations.Length];
        n += concurrency;
        using var request = RequestSigner.JsonPost(emulator.Endpoint, "us-east-1", service, target, version, body, ScenarioGenerator.KeyId(account), "generated", DateTimeOffset.UtcNow);
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request);
        _ = await response.Content.ReadAsByteArrayAsync();
        latencies[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        Interlocked.Increment(ref calls);
        if (!response.IsSuccessStatusCode)
        {
            Interlocked.Increment(ref failures);
        }
    }
})).ToArray();
await Task.WhenAll(workers);
var elapsed = stop.Elapsed.TotalSeconds;
var all = latencies.SelectMany(list => list).Order().ToList();
double Percentile(double p) => all.Count == 0 ? 0 : all[(int)Math.Min(all.Count - 1, Math.Round(p * (all.Count - 1)))];
Console.WriteLine($"accounts {accounts}, concurrency {concurrency}, {elapsed:F1} s");
Console.WriteLine($"{calls} describe calls, {failures} failed, {calls / elapsed:F0} calls/s, p50 {Percentile(0.5):F2} ms, p99 {Percentile(0.99):F2} ms");
return failures == 0 ? 0 : 1;
