using System.Diagnostics;
using System.Text;
using Tocsin.Backtest.Input;
using Xunit.Abstractions;

namespace Tocsin.Backtest.Tests.Input;

/// <summary>
/// Reads a generated 200 MB JSON Lines file and writes the throughput to the test output (read it with
/// <c>--logger "console;verbosity=detailed"</c>); what it asserts is the count and that memory stays bounded, never
/// a time.
/// </summary>
public sealed class ThroughputTests(ITestOutputHelper output) : IDisposable
{
    private const int FileBytes = 200 << 20;

    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_200_MB_JSON_Lines_file_is_read_whole_through_a_buffer_that_never_grows()
    {
        var (path, lines) = WriteJsonLines("big.jsonl", FileBytes);
        var whole = InputDiscovery.Plan([path], 1).Parts.ShouldHaveSingleItem();
        var split = InputDiscovery.Plan([path], Environment.ProcessorCount);

        var (records, result) = Measure("plain, one thread", whole, FileBytes);
        var splitRecords = MeasureSplit(split, FileBytes);

        records.ShouldBe(lines);
        splitRecords.ShouldBe(lines);
        result.PeakBufferBytes.ShouldBe(ReadLimits.Default.BufferBytes);
        result.BadRecords.ShouldBeEmpty();
    }

    [Fact]
    public void A_gzip_JSON_Lines_file_is_read_whole_and_its_speed_reported()
    {
        // records that do not repeat, so the data compresses about as well as CloudTrail's own files
        var random = new Random(7);
        var text = new StringBuilder();
        var lines = 0;
        for (; text.Length < 50 << 20; lines++)
        {
            text.Append(CloudTrailData.Record(lines, padding: 0).Replace("\"note\":\"\"", $"\"note\":\"{Convert.ToHexString(BitConverter.GetBytes(random.NextInt64()))}\"", StringComparison.Ordinal)).Append('\n');
        }

        var path = CloudTrailData.Write(folder.File("medium.jsonl.gz"), text.ToString(), gzip: true);
        var part = InputDiscovery.Plan([path], 1).Parts.ShouldHaveSingleItem();

        var (records, result) = Measure($"gzip, one thread ({text.Length / (double)new FileInfo(path).Length:F1}:1; decompressed bytes)", part, text.Length);

        records.ShouldBe(lines);
        result.Failure.ShouldBeNull();
    }

    private (string Path, long Lines) WriteJsonLines(string name, int bytes)
    {
        // a block of realistic records of varied sizes, written again and again
        var block = new StringBuilder();
        var blockLines = 0;
        for (var i = 0; block.Length < 1 << 20; i++, blockLines++)
        {
            block.Append(CloudTrailData.Record(i, padding: i * 37 % 1500)).Append('\n');
        }

        var blockBytes = Encoding.UTF8.GetBytes(block.ToString());
        var path = folder.File(name);
        long lines = 0;
        using (var file = File.Create(path))
        {
            for (var written = 0; written < bytes; written += blockBytes.Length, lines += blockLines)
            {
                file.Write(blockBytes);
            }
        }

        return (path, lines);
    }

    private (long Records, PartResult Result) Measure(string what, InputPart part, long bytes)
    {
        long records = 0;
        var clock = Stopwatch.StartNew();
        var result = RecordReader.Read(part, _ => records++, ReadLimits.Default, CancellationToken.None);
        Report(what, bytes, clock.Elapsed);
        return (records, result);
    }

    private long MeasureSplit(InputPlan plan, long bytes)
    {
        long records = 0;
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(plan.Parts, part =>
        {
            long mine = 0;
            RecordReader.Read(part, _ => mine++, ReadLimits.Default, CancellationToken.None);
            Interlocked.Add(ref records, mine);
        });
        Report($"plain, {plan.Parts.Count} ranges on {Environment.ProcessorCount} cores", bytes, clock.Elapsed);
        return records;
    }

    private void Report(string what, long bytes, TimeSpan elapsed) =>
        output.WriteLine($"{what}: {bytes / 1048576.0:F0} MB in {elapsed.TotalMilliseconds:F0} ms = {bytes / 1048576.0 / elapsed.TotalSeconds:F0} MB/s");
}
