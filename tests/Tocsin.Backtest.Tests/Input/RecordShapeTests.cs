using System.Text;
using Tocsin.Backtest.Input;

namespace Tocsin.Backtest.Tests.Input;

public sealed class RecordShapeTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    public static TheoryData<bool> PlainAndGzip => new() { false, true };

    [Theory]
    [MemberData(nameof(PlainAndGzip))]
    public void A_CloudTrail_log_file_hands_on_every_element_of_Records(bool gzip)
    {
        var text = CloudTrailData.RecordsFile(CloudTrailData.Records(250));
        var path = CloudTrailData.Write(folder.File("111122223333_CloudTrail_us-east-1_20261004T0910Z_abc.json" + (gzip ? ".gz" : "")), text, gzip);

        var (ids, result) = Reading.File(path);

        result.Part.Kind.ShouldBe(InputKind.CloudTrailFile);
        result.Part.Gzip.ShouldBe(gzip);
        ids.ShouldBe(CloudTrailData.EventIdsParsed(text, InputKind.CloudTrailFile));
        result.Records.ShouldBe(250);
        result.Failure.ShouldBeNull();
        result.BadRecords.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(PlainAndGzip))]
    public void A_file_of_one_record_object_hands_on_that_object(bool gzip)
    {
        var text = CloudTrailData.Indented(CloudTrailData.Record(7));
        var path = CloudTrailData.Write(folder.File("one.json" + (gzip ? ".gz" : "")), text, gzip);

        var plan = InputDiscovery.Plan([path], 1);
        var texts = Reading.Texts(plan.Parts[0]);

        plan.Parts[0].Kind.ShouldBe(InputKind.CloudTrailFile);
        texts.ShouldBe([text]);
    }

    [Theory]
    [MemberData(nameof(PlainAndGzip))]
    public void A_JSON_Lines_file_hands_on_each_line_without_its_line_end(bool gzip)
    {
        var records = CloudTrailData.Records(300);
        var text = CloudTrailData.JsonLines(records, "\r\n") + "\n   \n";
        var path = CloudTrailData.Write(folder.File("events.jsonl" + (gzip ? ".gz" : "")), text, gzip);

        var plan = InputDiscovery.Plan([path], 1);
        var texts = Reading.Texts(plan.Parts[0]);

        plan.Parts[0].Kind.ShouldBe(InputKind.JsonLines);
        texts.ShouldBe(records);
    }

    [Theory]
    [MemberData(nameof(PlainAndGzip))]
    public void A_CloudWatch_Logs_export_hands_on_the_message_after_each_timestamp(bool gzip)
    {
        var records = CloudTrailData.Records(120);
        var text = CloudTrailData.CloudWatchExport(records);
        var path = CloudTrailData.Write(folder.File("exportedlogs", "0f3c2a", "111122223333_CloudTrail_us-east-1", "000000" + (gzip ? ".gz" : ".log")), text, gzip);

        var plan = InputDiscovery.Plan([folder.Root], 2);
        var texts = Reading.Texts(plan.Parts.ShouldHaveSingleItem());

        plan.Parts[0].Kind.ShouldBe(InputKind.CloudWatchExport);
        texts.ShouldBe(records);
        texts.Select(t => CloudTrailData.EventId(Encoding.UTF8.GetBytes(t))).ShouldBe(CloudTrailData.EventIdsParsed(text, InputKind.CloudWatchExport));
    }

    [Theory]
    [MemberData(nameof(PlainAndGzip))]
    public void A_json_file_of_one_object_per_line_is_read_as_JSON_Lines(bool gzip)
    {
        var records = CloudTrailData.Records(40);
        var path = CloudTrailData.Write(folder.File("lookup.json" + (gzip ? ".gz" : "")), CloudTrailData.JsonLines(records), gzip);

        var plan = InputDiscovery.Plan([path], 1);

        plan.Parts.ShouldHaveSingleItem().Kind.ShouldBe(InputKind.JsonLines);
        Reading.Texts(plan.Parts[0]).ShouldBe(records);
    }

    [Fact]
    public void Gzip_is_known_by_its_magic_bytes_whatever_the_file_is_called()
    {
        var records = CloudTrailData.Records(10);
        var path = CloudTrailData.Write(folder.File("misnamed.jsonl"), CloudTrailData.JsonLines(records), gzip: true);

        var plan = InputDiscovery.Plan([path], 1);

        plan.Parts.ShouldHaveSingleItem().Gzip.ShouldBeTrue();
        Reading.Texts(plan.Parts[0]).ShouldBe(records);
    }

    [Fact]
    public void A_pretty_printed_Records_file_and_a_byte_order_mark_are_read()
    {
        var records = CloudTrailData.Records(5);
        var text = "\uFEFF{\n  \"Records\" : [\n" + string.Join(",\n", records.Select(CloudTrailData.Indented)) + "\n  ],\n  \"extra\": {\"a\": [1]}\n}\n";
        var path = CloudTrailData.Write(folder.File("pretty.json"), text);

        var (ids, result) = Reading.File(path);

        result.Part.Kind.ShouldBe(InputKind.CloudTrailFile);
        ids.ShouldBe(records.Select((_, i) => $"evt-{i}"));
        result.Failure.ShouldBeNull();
    }

    [Fact]
    public void Records_larger_than_the_buffer_are_whole_when_handed_on()
    {
        var records = Enumerable.Range(0, 30).Select(i => CloudTrailData.Record(i, padding: i * 97)).ToList();
        var limits = new ReadLimits { BufferBytes = 256 };
        var recordsFile = CloudTrailData.Write(folder.File("big.json"), CloudTrailData.RecordsFile(records));
        var linesFile = CloudTrailData.Write(folder.File("big.jsonl.gz"), CloudTrailData.JsonLines(records), gzip: true);

        foreach (var path in new[] { recordsFile, linesFile })
        {
            var plan = InputDiscovery.Plan([path], 1);
            var part = plan.Parts.ShouldHaveSingleItem();
            Reading.Texts(part, limits).ShouldBe(records, path);
        }
    }

    [Fact]
    public void A_tiny_buffer_reads_the_same_records_as_a_large_one()
    {
        var records = CloudTrailData.Records(64);
        var path = CloudTrailData.Write(folder.File("CloudTrail.json.gz"), CloudTrailData.RecordsFile(records), gzip: true);
        var part = InputDiscovery.Plan([path], 1).Parts.ShouldHaveSingleItem();

        // a buffer smaller than one record forces a refill in the middle of every record
        Reading.Texts(part, new ReadLimits { BufferBytes = 16 }).ShouldBe(records);
    }

    [Fact]
    public void Concatenated_Records_files_and_a_top_level_array_of_records_are_read()
    {
        var records = CloudTrailData.Records(9);
        var text = CloudTrailData.RecordsFile(records[..4]) + "\n" + CloudTrailData.RecordsFile(records[4..6]) + "\n[" + string.Join(",", records[6..]) + "]";
        var path = CloudTrailData.Write(folder.File("joined.json"), text);

        Reading.Texts(InputDiscovery.Plan([path], 1).Parts[0]).ShouldBe(records);
    }

    [Fact]
    public void Empty_files_hold_no_records_and_no_failure()
    {
        var json = CloudTrailData.Write(folder.File("empty.json"), "");
        var lines = CloudTrailData.Write(folder.File("empty.jsonl.gz"), "", gzip: true);
        var blank = CloudTrailData.Write(folder.File("blank.json"), " \n\n");

        var (ids, results) = Reading.All(InputDiscovery.Plan([json, lines, blank], 1));

        ids.ShouldBeEmpty();
        results.Count.ShouldBe(3);
        results.ShouldAllBe(r => r.Failure == null && r.BadRecords.Count == 0 && r.Records == 0);
    }
}
