using CsCheck;
using Microsoft.Win32.SafeHandles;
using Tocsin.Backtest.Input;

namespace Tocsin.Backtest.Tests.Input;

/// <summary>Properties over generated input: whatever the record sizes, buffer sizes and cuts, every record once.</summary>
public sealed class GeneratedInputTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Every_record_no_longer_than_the_limit_is_handed_on_once_and_every_longer_one_is_a_bad_record()
    {
        var shapes = Gen.Int[0, 3];
        var paddings = Gen.OneOf(Gen.Int[0, 40], Gen.Int[0, 12000]).List[0, 25];
        Gen.Select(shapes, paddings, Gen.Int[16, 700], Gen.Int[600, 7500]).Sample((shape, sizes, buffer, maxRecord) =>
        {
            var records = sizes.Select((padding, i) => CloudTrailData.Record(i, padding)).ToList();
            var gzip = shape % 2 == 1;
            var text = shape < 2 ? CloudTrailData.RecordsFile(records) : CloudTrailData.JsonLines(records);
            var path = CloudTrailData.Write(folder.File(Guid.NewGuid().ToString("N") + (shape < 2 ? ".json" : ".jsonl")), text, gzip);
            var limits = new ReadLimits { BufferBytes = buffer, MaxRecordBytes = maxRecord };
            var part = InputDiscovery.Plan([path], 1).Parts.Single();

            var texts = Reading.Texts(part, limits);
            var result = RecordReader.Read(part, _ => { }, limits, CancellationToken.None);

            // a record counts its line end in JSON Lines
            var fits = records.Where(r => r.Length + (shape < 2 ? 0 : 1) <= maxRecord).ToList();
            texts.ShouldBe(fits);
            result.Failure.ShouldBeNull();
            result.BadRecords.Count.ShouldBe(records.Count - fits.Count);
            result.BadRecords.Select(b => b.Offset).ShouldBe(
                records.Where(r => !fits.Contains(r)).Select(r => gzip ? (long)text.IndexOf(r, StringComparison.Ordinal) : text.IndexOf(r, StringComparison.Ordinal)));
            result.PeakBufferBytes.ShouldBeLessThanOrEqualTo(maxRecord + ReadLimits.SeparatorBytes);
        }, iter: 150);
    }

    [Fact]
    public void Cutting_a_JSON_Lines_file_into_ranges_reads_every_line_exactly_once()
    {
        var lines = Gen.Int[0, 400].Select(n => n == 0 ? "" : CloudTrailData.Record(n, n)).List[0, 60];
        Gen.Select(lines, Gen.Int[1, 9], Gen.Bool).Sample((bodies, parts, lastLineEnd) =>
        {
            var records = bodies.Select((body, i) => body.Length == 0 ? "" : CloudTrailData.Record(i, body.Length % 300)).ToList();
            var text = string.Join("\n", records) + (lastLineEnd ? "\n" : "");
            var path = CloudTrailData.Write(folder.File(Guid.NewGuid().ToString("N") + ".jsonl"), text);

            var plan = InputDiscovery.Plan([path], parts, splitAboveBytes: 0);
            var (ids, results) = Reading.All(plan);

            plan.Parts.Count.ShouldBeLessThanOrEqualTo(parts);
            plan.Parts[0].Start.ShouldBe(0);
            plan.Parts[^1].End.ShouldBe(text.Length);
            plan.Parts.Zip(plan.Parts.Skip(1)).ShouldAllBe(pair => pair.First.End == pair.Second.Start && text[(int)pair.Second.Start - 1] == '\n');
            ids.ShouldBe(records.Select((r, i) => (r, i)).Where(x => x.r.Length > 0).Select(x => $"evt-{x.i}"));
            results.ShouldAllBe(r => r.Failure == null && r.BadRecords.Count == 0);
            results.Sum(r => r.Bytes).ShouldBe(text.Length);
        }, iter: 200);
    }

    [Fact]
    public void A_large_JSON_Lines_file_splits_into_one_range_per_thread()
    {
        var text = CloudTrailData.JsonLines(CloudTrailData.Records(2000));
        var path = CloudTrailData.Write(folder.File("big.jsonl"), text);
        var gz = CloudTrailData.Write(folder.File("big.jsonl.gz"), text, gzip: true);

        var plan = InputDiscovery.Plan([path, gz], 4, splitAboveBytes: 1 << 20);

        plan.Parts.Count(p => p.Path == path).ShouldBe(4);
        plan.Parts.Count(p => p.Path == gz).ShouldBe(1);
        plan.TotalBytes.ShouldBe(new FileInfo(path).Length + new FileInfo(gz).Length);
    }

    [Fact]
    public void A_range_cut_lands_just_after_a_line_end()
    {
        var path = CloudTrailData.Write(folder.File("cuts.jsonl"), "{}\n{}\n{}\n{}\n");
        using SafeFileHandle handle = File.OpenHandle(path);

        // even shares end at 4 and 8; each cut moves on to just after the next line end
        LineRanges.Split(handle, 12, 3).ShouldBe([(0L, 6L), (6L, 9L), (9L, 12L)]);
    }
}
