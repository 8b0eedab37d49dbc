using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Tocsin.Backtest.Input;
using Tocsin.Backtest.Judging;
using Tocsin.Backtest.Results;
using Tocsin.Backtest.Subjects;
using Tocsin.Core.Controls;

namespace Tocsin.Backtest.Tests.Judging;

/// <summary>
/// Skipping the lines that hold none of the texts the patterns need must change nothing: every count of the report
/// (matching events, populations, periods, events read, bad records) is the same as when every record is tried.
/// </summary>
public sealed partial class BlockPrefilterTests : IDisposable
{
    private static readonly Control Seed = ControlCatalog.Default.Find("console-signin-without-mfa")!;
    private readonly string _folder = Directory.CreateTempSubdirectory("tocsin-prefilter-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [GeneratedRegex("\"seconds\":\\s*[0-9.]+")]
    private static partial Regex Seconds();

    private static readonly string[] EventNames =
    [
        "ConsoleLogin", "DescribeInstances", "CreateTrail", "StopLogging", "PutBucketPolicy", "DisableKey", "CreateVpc",
        "AuthorizeSecurityGroupIngress", "CreateNetworkAcl", "AttachInternetGateway", "CreateRoute", "PutUserPolicy",
        "StopConfigurationRecorder", "CreateAccount", "HeadBucket", "ListBuckets",
    ];

    /// <summary>Lines of a history with everything that could make a search over whole blocks go wrong.</summary>
    private static List<string> History(int seed, int count)
    {
        var random = new Random(seed);
        var lines = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var time = Records.Start.AddSeconds(37 * i);
            var line = random.Next(20) switch
            {
                0 => Records.SignIn(random.Next(2) == 0 ? "Root" : "IAMUser", random.Next(2) == 0 ? "No" : "Yes", time, failed: random.Next(3) == 0),
                1 => Records.SignIn("IAMUser", "No", time).Replace("ConsoleLogin", "\\u0043onsoleLogin", StringComparison.Ordinal), // written only with escapes
                2 => Records.SignIn("Root", "No", time).Replace("ConsoleLogin", "Console\\u004cogin", StringComparison.Ordinal).Replace("Root", "R\\u006fot", StringComparison.Ordinal),
                3 => Records.ApiCall(time).Replace("\"10.0.0.1\"", "\"ConsoleLogin Root AccessDenied\"", StringComparison.Ordinal), // the texts only in an unrelated field
                4 => "",
                5 => "   \t",
                6 => "{\"eventName\":\"ConsoleLogin\",\"additionalEventData\":{\"MFAUsed\":\"No\"}", // cut short
                7 => "{\"eventName\":\"ConsoleLogin\" not JSON at all }",
                8 => "[\"ConsoleLogin\"]",
                9 => Call(EventNames[random.Next(EventNames.Length)], time, random.Next(4) == 0 ? "AccessDenied" : random.Next(4) == 0 ? "Client.UnauthorizedOperation" : null),
                10 => "  " + Records.SignIn("IAMUser", "No", time) + " ",
                11 => Records.SignIn("IAMUser", "No", time).Replace("\"eventName\":", "\"eventName\" :  ", StringComparison.Ordinal),
                12 => Records.SignIn("Root", "No", time).Replace("\"eventName\":\"ConsoleLogin\"", "\"eventName\":\"Console\\/Login\"", StringComparison.Ordinal),
                _ => Records.ApiCall(time),
            };
            lines.Add(line);
        }

        return lines;
    }

    private static string Call(string eventName, DateTimeOffset time, string? errorCode)
    {
        var record = JsonNode.Parse(Records.ApiCall(time))!.AsObject();
        record["eventName"] = eventName;
        record["eventSource"] = eventName.Contains("Bucket", StringComparison.Ordinal) ? "s3.amazonaws.com" : "ec2.amazonaws.com";
        if (errorCode is not null)
        {
            record["errorCode"] = errorCode;
        }

        return record.ToJsonString();
    }

    private string Report(string path, IReadOnlyList<Control> controls, bool visitEveryRecord, int bufferBytes)
    {
        var catalog = SubjectCatalog.Build(controls, [], null, 300);
        var options = new BacktestOptions(Limits: new ReadLimits { BufferBytes = bufferBytes, MaxRecordBytes = 4000 }) { VisitEveryRecord = visitEveryRecord };
        var result = new BacktestEngine(catalog, options).Run(InputDiscovery.Plan([path], 1));
        var json = new StringWriter();
        BacktestJson.Write(result, json);
        return Seconds().Replace(json.ToString(), "\"seconds\": 0");
    }

    [Theory]
    [InlineData(1, "\n", 1 << 20)]
    [InlineData(2, "\r\n", 1 << 20)]
    [InlineData(3, "\n", 4096)]
    [InlineData(4, "\r\n", 5000)]
    [InlineData(5, "\n", 700)]
    public void Searching_whole_blocks_for_the_texts_the_patterns_need_counts_exactly_what_trying_every_record_counts(int seed, string lineEnd, int bufferBytes)
    {
        var lines = History(seed, 1500);
        lines.Add(new string('x', 5000)); // a record over the limit: a bad record either way
        lines.Add(Records.SignIn("IAMUser", "No", Records.Start.AddDays(2)));
        var path = Path.Combine(_folder, $"history-{seed}.jsonl");
        File.WriteAllText(path, string.Join(lineEnd, lines), new UTF8Encoding(false)); // the last line has no line end

        foreach (var controls in new[] { [Seed], ControlCatalog.Default.All })
        {
            var everyRecord = Report(path, controls, visitEveryRecord: true, bufferBytes);
            var blocks = Report(path, controls, visitEveryRecord: false, bufferBytes);

            blocks.ShouldBe(everyRecord);
        }
    }

    [Fact]
    public void A_record_whose_event_name_is_written_with_an_escape_still_matches_when_blocks_are_searched()
    {
        var path = Records.WriteJsonLines(_folder, [
            Records.SignIn("IAMUser", "No", Records.Start).Replace("ConsoleLogin", "Console\\u004cogin", StringComparison.Ordinal),
            Records.ApiCall(Records.Start),
        ]);
        var catalog = SubjectCatalog.Build([Seed], [], null, 300);

        var result = new BacktestEngine(catalog, new BacktestOptions()).Run(InputDiscovery.Plan([path], 1));

        result.Controls.Single().Baseline.MatchingEvents.ShouldBe(1);
        result.Input.Events.ShouldBe(2);
    }

    [Fact]
    public void The_search_finds_every_event_name_the_whole_catalog_looks_up_after_an_eventName_key()
    {
        var set = new Core.Patterns.Matching.PatternMatcherSet(SubjectCatalog.Build(ControlCatalog.Default.All, [], null, 300).Subjects.Select(s => s.Matcher));
        var prefilter = RecordPrefilter.For(set.Anchors)!;
        var places = new List<int>();

        prefilter.Find(Encoding.UTF8.GetBytes("{\"eventName\" : \"CreateTrail\"}\n{\"eventName\":\"DescribeTrails\"}\n{\"a\":\"eventName\"}\n"), places);

        places.ShouldBe([1]);
    }
}
