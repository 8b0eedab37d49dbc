using System.Text;
using CsCheck;
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
        var set = new Core.Patterns.Matching.PatternMatcherSet(SubjectCatalog.Build(ControlCatalog.Default.All, [], null, 300).Subjects.Select(s => s.Matcher!));
        var prefilter = RecordPrefilter.For(set.Anchors)!;
        var places = new List<int>();

        prefilter.Find(Encoding.UTF8.GetBytes("{\"eventName\" : \"CreateTrail\"}\n{\"eventName\":\"DescribeTrails\"}\n{\"a\":\"eventName\"}\n"), places);

        places.ShouldBe([1]);
    }
    [Fact]
    public void The_one_pass_search_for_every_text_finds_each_place_a_search_for_each_text_on_its_own_finds()
    {
        // few bytes, so the texts and their rare bytes recur often, at every offset and across the vectors' edges
        var alphabet = "ab\\uCL{}\"\n"u8.ToArray();
        var texts = Gen.Select(Gen.Int[0, alphabet.Length - 1].Array[1, 5], bytes => Encoding.Latin1.GetString([.. bytes.Select(i => alphabet[i])]));
        var cases = Gen.Select(Gen.Int[0, alphabet.Length - 1].Array[0, 300], texts.Array[1, 4], texts.Array[0, 3], (block, others, names) => (Block: block.Select(i => alphabet[i]).ToArray(), Others: others, Names: names));

        cases.Sample(c =>
        {
            var prefilter = RecordPrefilter.For(new Core.Patterns.Matching.AnchorTexts(c.Names, c.Others))!;
            var places = new List<int>();
            prefilter.Find(c.Block, places);

            var expected = new SortedSet<int>();
            foreach (var text in c.Others.Concat(c.Names).Append("\\u").Select(Encoding.Latin1.GetBytes))
            {
                for (var at = 0; at + text.Length <= c.Block.Length; at++)
                {
                    if (c.Block.AsSpan(at).StartsWith(text))
                    {
                        expected.Add(at);
                    }
                }
            }

            new SortedSet<int>(places).ShouldBe(expected);
        }, iter: 3000, seed: "0N0XIzNsQ0O2");
    }
    [Theory]
    [InlineData(6, 1 << 20)]
    [InlineData(7, 3000)]
    [InlineData(8, 700)]
    public void A_history_of_plain_lines_counted_a_block_at_a_time_gives_the_report_trying_every_record_gives(int seed, int bufferBytes)
    {
        var random = new Random(seed);
        var lines = Enumerable.Range(0, 2000).Select(i =>
        {
            var time = Records.Start.AddSeconds(41 * i);
            return random.Next(10) switch
            {
                0 => Records.SignIn(random.Next(2) == 0 ? "Root" : "IAMUser", random.Next(2) == 0 ? "No" : "Yes", time, failed: random.Next(3) == 0),
                1 => Records.SignIn("IAMUser", "No", time).Replace("ConsoleLogin", "\\u0043onsoleLogin", StringComparison.Ordinal),
                2 => Call(EventNames[random.Next(EventNames.Length)], time, random.Next(4) == 0 ? "AccessDenied" : null),
                _ => Records.ApiCall(time),
            };
        });
        var path = Path.Combine(_folder, $"plain-{seed}.jsonl");
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new UTF8Encoding(false));

        foreach (var controls in new[] { [Seed], ControlCatalog.Default.All })
        {
            Report(path, controls, visitEveryRecord: false, bufferBytes).ShouldBe(Report(path, controls, visitEveryRecord: true, bufferBytes));
        }
    }

    [Theory]
    [InlineData("{\"a\":1}\n{\"b\":2}\n", 2)]
    [InlineData("{}\n", 1)]
    [InlineData("{\"a\":1}\r\n{\"b\":2}\n", 0)]
    [InlineData("{\"a\":1}\n\n{\"b\":2}\n", 0)]
    [InlineData("{\"a\":1} \n{\"b\":2}\n", 0)]
    [InlineData("[1]\n{\"b\":2}\n", 0)]
    [InlineData("{\"a\":1}\n[2]\n", 0)]
    public void A_block_is_counted_by_its_line_ends_only_when_every_line_is_one_object(string block, int expected)
    {
        PlainLines.Count(Encoding.UTF8.GetBytes(block)).ShouldBe(expected);
    }

    [Fact]
    public void Long_blocks_of_object_lines_are_counted_across_the_vectors_and_refused_at_any_flaw()
    {
        var random = new Random(9);
        for (var round = 0; round < 300; round++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 40)).Select(_ => "{" + new string('x', random.Next(0, 70)) + "}").ToList();
            var block = Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n");
            PlainLines.Count(block).ShouldBe(lines.Count);

            var flawed = (byte[])block.Clone();
            var newlines = Enumerable.Range(0, flawed.Length - 1).Where(i => flawed[i] == (byte)'\n').ToList();
            if (newlines.Count > 0)
            {
                flawed[newlines[random.Next(newlines.Count)] + (random.Next(2) == 0 ? -1 : 1)] = (byte)' ';
                PlainLines.Count(flawed).ShouldBe(0);
            }
        }
    }
}
