using System.IO.Compression;
using System.Text;
using Tocsin.Backtest.Input;
using Tocsin.Fuzz.Tests.Harness;
using Tocsin.Fuzz.Tests.Patterns;

namespace Tocsin.Fuzz.Tests.Backtest;

[Collection(FuzzCollection.Name)]
public sealed class CloudTrailRecordFuzzTests(ITestOutputHelper output) : IDisposable
{
    private static readonly string[] Tokens = ["{", "}", "[", "]", ",", "\"Records\":", "\n", "\r\n", "\"", "\\", "2026-01-01T00:00:00.000Z ", "\0", "\uFEFF"];

    /// <summary>Small limits, so buffer refills, record-size refusals and the decompression limit all come up.</summary>
    private static readonly ReadLimits Limits = new() { BufferBytes = 4096, MaxRecordBytes = 65_536, MaxDecompressedBytes = 1 << 20, MaxBadRecordsListed = 10 };

    private readonly string _folder = Directory.CreateTempSubdirectory("tocsin-fuzz-").FullName;

    [Fact]
    public void A_cloudtrail_history_file_is_read_record_by_record_and_bad_records_are_listed_with_their_offset()
    {
        var file = Path.Combine(_folder, "input");
        var target = new FuzzTarget<(InputKind Kind, bool Gzip, byte[] Bytes)>(
            "CloudTrail record reader",
            Generate,
            input => input.Bytes.Length,
            input => $"{input.Kind}{(input.Gzip ? " gzip" : "")} {Printable.Bytes(input.Bytes)}",
            input => Check(file, input)) { Limits = FuzzLimits.Default with { FixedBytes = 16L << 20 } };
        FuzzCampaign.Run(target, output).ShouldBeGreaterThan(0);
    }

    private static (InputKind, bool, byte[]) Generate(Random random)
    {
        var kind = (InputKind)random.Next(3);
        var records = Enumerable.Range(0, random.Next(0, 6)).Select(_ => JsonEvents.Object(random)).ToList();
        var text = kind switch
        {
            InputKind.CloudTrailFile => random.Next(5) == 0 && records.Count > 0 ? records[0] : "{\"Records\":[" + string.Join(random.Next(2) == 0 ? "," : ",\n  ", records) + "]}",
            InputKind.JsonLines => string.Join(random.Next(3) == 0 ? "\r\n" : "\n", records),
            _ => string.Concat(records.Select(r => "2026-01-01T00:00:00.000Z " + r + "\n")),
        };
        if (random.Next(3) != 0)
            text = Mutations.Mutate(random, text, Tokens);
        var bytes = Encoding.UTF8.GetBytes(text);
        if (random.Next(8) == 0 && bytes.Length > 0)
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        var gzip = random.Next(4) == 0;
        if (gzip)
        {
            using var packed = new MemoryStream();
            using (var zip = new GZipStream(packed, CompressionLevel.Fastest))
                zip.Write(bytes);
            bytes = packed.ToArray();
            if (random.Next(2) == 0 && bytes.Length > 0)
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
            if (random.Next(4) == 0)
                bytes = bytes[..random.Next(bytes.Length + 1)];
        }

        return (kind, gzip, bytes);
    }

    private static void Check(string file, (InputKind Kind, bool Gzip, byte[] Bytes) input)
    {
        File.WriteAllBytes(file, input.Bytes);
        long handed = 0;
        var result = RecordReader.Read(new InputPart(file, input.Kind, input.Gzip, 0, input.Bytes.Length), _ => handed++, Limits, CancellationToken.None);
        result.Records.ShouldBe(handed);
        if (result.Failure is not null)
        {
            result.Failure.ShouldNotBeNullOrWhiteSpace();
            result.FailureOffset.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(0);
        }

        foreach (var bad in result.BadRecords)
        {
            bad.File.ShouldBe(file);
            bad.Offset.ShouldBeGreaterThanOrEqualTo(0);
            bad.Reason.ShouldNotBeNullOrWhiteSpace();
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
