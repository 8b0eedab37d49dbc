using System.Runtime.Versioning;
using Tocsin.Backtest.Input;

namespace Tocsin.Backtest.Tests.Input;

public sealed class InputDiscoveryTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_CloudTrail_bucket_layout_is_read_in_path_order_and_its_digest_files_are_left_out()
    {
        var records = CloudTrailData.Records(30);
        string Log(string account, string day, string name, int from) => CloudTrailData.Write(
            folder.File("AWSLogs", "o-abc123", account, "CloudTrail", "eu-west-1", "2026", "10", day, $"{account}_CloudTrail_eu-west-1_202610{day}T0000Z_{name}.json.gz"),
            CloudTrailData.RecordsFile(records[from..(from + 10)]), gzip: true);
        var third = Log("222233334444", "04", "c", 20);
        var first = Log("111122223333", "04", "a", 0);
        var second = Log("111122223333", "05", "b", 10);
        CloudTrailData.Write(folder.File("AWSLogs", "o-abc123", "111122223333", "CloudTrail-Digest", "eu-west-1", "2026", "10", "04", "111122223333_CloudTrail-Digest_eu-west-1_x.json.gz"), "{\"digestStartTime\":\"x\"}", gzip: true);
        CloudTrailData.Write(folder.File("AWSLogs", "o-abc123", "111122223333", "CloudTrail", "eu-west-1", "2026", "10", "04", "111122223333_CloudTrail-Digest_eu-west-1_y.json.gz"), "{\"digestStartTime\":\"y\"}", gzip: true);
        CloudTrailData.Write(folder.File("AWSLogs", "o-abc123", "111122223333", "CloudTrail", "eu-west-1", "2026", "10", "04", "README.txt"), "not a log");

        var plan = InputDiscovery.Plan([Path.Combine(folder.Root, "AWSLogs")], 2);
        var (ids, results) = Reading.All(plan);

        plan.Problems.ShouldBeEmpty();
        plan.Parts.Select(p => p.Path).ShouldBe([first, second, third]);
        plan.Parts.ShouldAllBe(p => p.Kind == InputKind.CloudTrailFile && p.Gzip && p.Start == 0);
        plan.TotalBytes.ShouldBe(new[] { first, second, third }.Sum(f => new FileInfo(f).Length));
        ids.ShouldBe(records.Select((_, i) => $"evt-{i}"));
        results.Sum(r => r.Bytes).ShouldBe(plan.TotalBytes);
    }

    [Fact]
    public void A_path_named_twice_or_inside_a_folder_also_named_is_read_once()
    {
        var path = CloudTrailData.Write(folder.File("logs", "a.jsonl"), CloudTrailData.JsonLines(CloudTrailData.Records(2)));

        var plan = InputDiscovery.Plan([path, Path.Combine(folder.Root, "logs"), path], 1);

        plan.Parts.ShouldHaveSingleItem().Path.ShouldBe(path);
    }

    [Fact]
    public void A_missing_path_is_a_problem_and_the_other_paths_are_still_planned()
    {
        var path = CloudTrailData.Write(folder.File("a.jsonl"), CloudTrailData.JsonLines(CloudTrailData.Records(2)));
        var missing = Path.Combine(folder.Root, "nope", "b.json.gz");

        var plan = InputDiscovery.Plan([missing, path], 1);

        plan.Problems.ShouldBe([new InputProblem(missing, "no such file or folder")]);
        plan.Parts.ShouldHaveSingleItem().Path.ShouldBe(path);
    }

    [Fact]
    public void A_dangling_symbolic_link_is_a_problem()
    {
        var link = Path.Combine(folder.Root, "logs", "gone.json.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, Path.Combine(folder.Root, "nowhere.json.gz"));

        var plan = InputDiscovery.Plan([Path.Combine(folder.Root, "logs")], 1);

        plan.Problems.ShouldBe([new InputProblem(link, $"a symbolic link to {Path.Combine(folder.Root, "nowhere.json.gz")}, which does not exist")]);
        plan.Parts.ShouldBeEmpty();
    }

    [Fact]
    public void A_symbolic_link_back_to_a_folder_being_walked_is_a_problem_and_the_folder_is_read_once()
    {
        var path = CloudTrailData.Write(folder.File("logs", "day", "a.jsonl"), CloudTrailData.JsonLines(CloudTrailData.Records(2)));
        var loop = Path.Combine(folder.Root, "logs", "day", "up");
        Directory.CreateSymbolicLink(loop, Path.Combine(folder.Root, "logs"));

        var plan = InputDiscovery.Plan([Path.Combine(folder.Root, "logs")], 1);

        plan.Parts.ShouldHaveSingleItem().Path.ShouldBe(path);
        plan.Problems.ShouldHaveSingleItem().Path.ShouldBe(loop);
        plan.Problems[0].Reason.ShouldStartWith("a symbolic link loop");
    }

    [Fact]
    public void Symbolic_links_that_point_at_each_other_are_a_problem()
    {
        var a = Path.Combine(folder.Root, "a.json");
        var b = Path.Combine(folder.Root, "b.json");
        File.CreateSymbolicLink(a, b);
        File.CreateSymbolicLink(b, a);

        var plan = InputDiscovery.Plan([folder.Root, a], 1);

        plan.Parts.ShouldBeEmpty();
        plan.Problems.Select(p => p.Path).ShouldBe([a, b]);
        plan.Problems.ShouldAllBe(p => p.Reason.StartsWith("a symbolic link loop", StringComparison.Ordinal));
    }

    [Fact]
    public void A_folder_named_like_a_log_file_is_walked_not_read()
    {
        Directory.CreateDirectory(folder.File("trail.json.gz", "x"));
        var inside = CloudTrailData.Write(folder.File("trail.json.gz", "inner.jsonl"), CloudTrailData.JsonLines(CloudTrailData.Records(1)));

        var plan = InputDiscovery.Plan([folder.Root], 1);

        plan.Problems.ShouldBeEmpty();
        plan.Parts.ShouldHaveSingleItem().Path.ShouldBe(inside);
    }

    [SkippableFact]
    [UnsupportedOSPlatform("windows")]
    public void A_file_that_cannot_be_read_is_a_problem()
    {
        Skip.If(OperatingSystem.IsWindows() || Environment.UserName == "root", "root reads any file, whatever its mode");
        var path = CloudTrailData.Write(folder.File("locked.json"), CloudTrailData.RecordsFile(CloudTrailData.Records(1)));
        File.SetUnixFileMode(path, UnixFileMode.None);

        var plan = InputDiscovery.Plan([path], 1);

        plan.Parts.ShouldBeEmpty();
        plan.Problems.ShouldHaveSingleItem().Reason.ShouldStartWith("could not read the file: ");
    }

    [Fact]
    public void A_log_named_file_that_is_not_CloudTrail_input_is_a_problem()
    {
        var path = CloudTrailData.Write(folder.File("app", "server.log"), "INFO started\nINFO stopped\n");

        var plan = InputDiscovery.Plan([folder.Root], 1);

        plan.Parts.ShouldBeEmpty();
        plan.Problems.ShouldBe([new InputProblem(path, "not CloudTrail input (a log file, JSON Lines or a CloudWatch Logs export): it starts with 'INFO started INFO stoppe…'")]);
    }

    [Fact]
    public void A_digest_file_named_on_its_own_is_left_out_with_the_reason()
    {
        var path = CloudTrailData.Write(folder.File("111122223333_CloudTrail-Digest_eu-west-1_x.json.gz"), "{}", gzip: true);

        var plan = InputDiscovery.Plan([path], 1);

        plan.Parts.ShouldBeEmpty();
        plan.Problems.ShouldBe([new InputProblem(path, "a CloudTrail digest file, which holds no records: skipped")]);
    }

    [Theory]
    [InlineData("{\"Records\":[]}", "x.jsonl", InputKind.CloudTrailFile)]
    [InlineData("{\"eventID\":\"1\"}\n{\"eventID\":\"2\"}\n", "x.json", InputKind.JsonLines)]
    [InlineData("{\"eventID\":\"1\"}\n", "x.json", InputKind.CloudTrailFile)]
    [InlineData("{\n  \"eventID\": \"1\"\n}\n", "x.json", InputKind.CloudTrailFile)]
    [InlineData("{\"eventID\":\"1\"}\n", "x.ndjson", InputKind.JsonLines)]
    [InlineData("2026-10-04T09:12:00.000Z {\"eventID\":\"1\"}\n", "000000", InputKind.CloudWatchExport)]
    [InlineData("[{\"eventID\":\"1\"}]", "x.json", InputKind.CloudTrailFile)]
    [InlineData("", "x.jsonl", InputKind.JsonLines)]
    public void The_first_bytes_decide_how_a_file_holds_its_records(string head, string name, InputKind kind)
    {
        var (decided, problem) = InputSniffer.Decide(System.Text.Encoding.UTF8.GetBytes(head), name);

        decided.ShouldBe(kind);
        problem.ShouldBeNull();
    }
}
