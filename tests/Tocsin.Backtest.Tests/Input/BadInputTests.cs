using System.Text;
using Tocsin.Backtest.Input;

namespace Tocsin.Backtest.Tests.Input;

public sealed class BadInputTests : IDisposable
{
    private readonly TempFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_truncated_gzip_is_a_failure_with_the_offset_reached_and_the_records_before_it_are_kept()
    {
        var records = CloudTrailData.Records(2000);
        var whole = CloudTrailData.Gzip(Encoding.UTF8.GetBytes(CloudTrailData.JsonLines(records)));
        var path = CloudTrailData.WriteBytes(folder.File("cut.jsonl.gz"), whole[..(whole.Length / 2)]);
        var after = CloudTrailData.Write(folder.File("next.jsonl"), CloudTrailData.JsonLines(records[..3]));

        var (ids, results) = Reading.All(InputDiscovery.Plan([path, after], 1));

        var cut = results[0];
        cut.Failure.ShouldNotBeNull().ShouldContain("ends early");
        cut.FailureOffset.ShouldNotBeNull().ShouldBeGreaterThan(0);
        cut.Records.ShouldBeGreaterThan(100);
        cut.Records.ShouldBeLessThan(2000);
        ids.Take((int)cut.Records).ShouldBe(records.Take((int)cut.Records).Select((_, i) => $"evt-{i}"));
        results[1].Records.ShouldBe(3);
    }

    [Fact]
    public void A_gzip_cut_inside_its_trailer_is_a_failure_too()
    {
        var whole = CloudTrailData.Gzip(Encoding.UTF8.GetBytes(CloudTrailData.RecordsFile(CloudTrailData.Records(20))));
        var path = CloudTrailData.WriteBytes(folder.File("cut.json.gz"), whole[..^3]);

        var (_, result) = Reading.File(path);

        result.Failure.ShouldNotBeNull().ShouldContain("ends early");
    }

    [Fact]
    public void A_decompression_bomb_stops_at_the_limit_and_keeps_the_records_before_it()
    {
        var records = CloudTrailData.Records(10);
        var bytes = Encoding.UTF8.GetBytes(CloudTrailData.JsonLines(records)).Concat(new byte[4 << 20]).ToArray();
        var path = CloudTrailData.WriteBytes(folder.File("bomb.jsonl.gz"), bytes, gzip: true);

        var (ids, result) = Reading.File(path, new ReadLimits { MaxDecompressedBytes = 1 << 20 });

        new FileInfo(path).Length.ShouldBeLessThan(64 << 10);
        result.Failure.ShouldBe($"decompressed past {1 << 20} bytes, stopped (the limit for one file: a decompression bomb, or raise the limit)");
        result.FailureOffset.ShouldBe(1 << 20);
        ids.Count.ShouldBe(10);
    }

    [Fact]
    public void A_gzip_file_exactly_at_the_decompression_limit_is_read_whole()
    {
        var text = CloudTrailData.JsonLines(CloudTrailData.Records(10));
        var path = CloudTrailData.Write(folder.File("exact.jsonl.gz"), text, gzip: true);

        var (ids, result) = Reading.File(path, new ReadLimits { MaxDecompressedBytes = Encoding.UTF8.GetByteCount(text) });

        result.Failure.ShouldBeNull();
        ids.Count.ShouldBe(10);
    }

    [Fact]
    public void Invalid_JSON_in_one_record_of_a_Records_file_stops_the_file_at_its_offset_and_keeps_the_records_before_it()
    {
        var records = CloudTrailData.Records(6);
        records[4] = records[4].Replace("\"readOnly\":false", "\"readOnly\":fals", StringComparison.Ordinal);
        var text = CloudTrailData.RecordsFile(records);
        var path = CloudTrailData.Write(folder.File("bad.json"), text);
        var badStart = text.IndexOf(records[4], StringComparison.Ordinal);

        var (ids, result) = Reading.File(path, new ReadLimits { BufferBytes = 64 });

        ids.ShouldBe(["evt-0", "evt-1", "evt-2", "evt-3"]);
        result.Failure.ShouldNotBeNull().ShouldStartWith("invalid JSON at byte ");
        result.FailureOffset.ShouldNotBeNull().ShouldBeInRange(badStart, badStart + records[4].Length);
    }

    [Fact]
    public void A_Records_file_cut_short_keeps_its_whole_records_and_fails_at_the_end()
    {
        var records = CloudTrailData.Records(5);
        var text = CloudTrailData.RecordsFile(records);
        var cut = text[..(text.IndexOf(records[3], StringComparison.Ordinal) + 40)];
        var path = CloudTrailData.Write(folder.File("cut.json"), cut);

        var (ids, result) = Reading.File(path, new ReadLimits { BufferBytes = 100 });

        ids.ShouldBe(["evt-0", "evt-1", "evt-2"]);
        result.Failure.ShouldNotBeNull().ShouldStartWith("invalid JSON at byte ");
        result.FailureOffset.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(text.IndexOf(records[3], StringComparison.Ordinal) - 1);
    }

    [Fact]
    public void Reading_stops_when_cancelled()
    {
        var path = CloudTrailData.Write(folder.File("a.jsonl"), CloudTrailData.JsonLines(CloudTrailData.Records(3)));
        var part = InputDiscovery.Plan([path], 1).Parts[0];

        Should.Throw<OperationCanceledException>(() => RecordReader.Read(part, _ => { }, ReadLimits.Default, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void A_record_that_is_an_array_or_a_number_is_a_bad_record_and_the_rest_are_read()
    {
        var records = CloudTrailData.Records(3);
        var text = "{\"Records\":[" + records[0] + ",[{\"eventID\":\"no\"}],42," + records[1] + ",\"x\"," + records[2] + "]}";
        var path = CloudTrailData.Write(folder.File("mixed.json"), text);

        var (ids, result) = Reading.File(path);

        ids.ShouldBe(["evt-0", "evt-1", "evt-2"]);
        result.BadRecords.Select(b => (b.Offset, b.Reason)).ShouldBe([
            (text.IndexOf(",[{", StringComparison.Ordinal) + 1, "a record that is an array, not an object: skipped"),
            (text.IndexOf(",42", StringComparison.Ordinal) + 1, "a record that is a number, not an object: skipped"),
            (text.IndexOf("\"x\"", StringComparison.Ordinal), "a record that is a string, not an object: skipped"),
        ]);
        result.BadRecords.ShouldAllBe(b => b.File == path);
        result.Failure.ShouldBeNull();
    }

    [Fact]
    public void A_line_that_is_not_an_object_is_a_bad_record_with_its_offset()
    {
        var records = CloudTrailData.Records(3);
        var text = records[0] + "\nnot json at all\n" + records[1] + "\n" + records[2][..^1] + "\n  [1,2]\n" + records[2] + "\n";
        var path = CloudTrailData.Write(folder.File("lines.jsonl"), text);

        var (ids, result) = Reading.File(path);

        ids.ShouldBe(["evt-0", "evt-1", "evt-2"]);
        result.BadRecords.Select(b => (b.Offset, b.Reason)).ShouldBe([
            (text.IndexOf("not json", StringComparison.Ordinal), "not a JSON object: the record starts with 'not json at all'"),
            (text.IndexOf(records[2][..^1] + "\n", StringComparison.Ordinal), "a JSON object cut short: the record does not end in '}'"),
            (text.IndexOf("[1,2]", StringComparison.Ordinal), "not a JSON object: the record starts with '[1,2]'"),
        ]);
    }

    [Fact]
    public void A_CloudWatch_export_line_without_a_timestamp_is_a_bad_record()
    {
        var records = CloudTrailData.Records(2);
        var text = "2026-10-04T09:12:00.000Z " + records[0] + "\n" + records[1] + "\n2026-10-04T09:12:01.000Z " + records[1] + "\n";
        var path = CloudTrailData.Write(folder.File("000000"), text, gzip: true);

        var plan = InputDiscovery.Plan([path], 1);
        var (ids, results) = Reading.All(plan);

        plan.Parts[0].Kind.ShouldBe(InputKind.CloudWatchExport);
        ids.ShouldBe(["evt-0", "evt-1"]);
        results[0].BadRecords.ShouldHaveSingleItem().Offset.ShouldBe(text.IndexOf(records[1], StringComparison.Ordinal));
    }

    [Fact]
    public void An_over_long_line_is_skipped_to_the_next_line_and_the_buffer_stays_within_the_limit()
    {
        var records = CloudTrailData.Records(4);
        var huge = CloudTrailData.Record(99, padding: 9000);
        var text = records[0] + "\n" + huge + "\n" + records[1] + "\n" + huge + "\n" + records[2] + "\n" + records[3];
        var path = CloudTrailData.Write(folder.File("long.jsonl"), text);
        var limits = new ReadLimits { BufferBytes = 512, MaxRecordBytes = 2048 };

        var (ids, result) = Reading.File(path, limits);

        ids.ShouldBe(["evt-0", "evt-1", "evt-2", "evt-3"]);
        result.BadRecords.Select(b => b.Offset).ShouldBe([records[0].Length + 1, text.LastIndexOf(huge, StringComparison.Ordinal)]);
        result.BadRecords.ShouldAllBe(b => b.Reason == "a record longer than 2048 bytes: skipped");
        result.PeakBufferBytes.ShouldBeLessThanOrEqualTo(2048 + ReadLimits.SeparatorBytes);
    }

    [Fact]
    public void An_over_long_element_of_Records_is_skipped_and_the_rest_are_read()
    {
        var records = CloudTrailData.Records(3);
        var huge = CloudTrailData.Record(99, padding: 12000);
        var text = CloudTrailData.RecordsFile([records[0], huge, records[1], huge, records[2]]);
        var path = CloudTrailData.Write(folder.File("long.json.gz"), text, gzip: true);
        var limits = new ReadLimits { BufferBytes = 256, MaxRecordBytes = 4096 };

        var (ids, result) = Reading.File(path, limits);

        ids.ShouldBe(["evt-0", "evt-1", "evt-2"]);
        result.BadRecords.Select(b => b.Offset).ShouldBe([text.IndexOf(huge, StringComparison.Ordinal), text.LastIndexOf(huge, StringComparison.Ordinal)]);
        result.Failure.ShouldBeNull();
        result.PeakBufferBytes.ShouldBeLessThanOrEqualTo(4096 + ReadLimits.SeparatorBytes);
    }

    [Fact]
    public void A_file_of_one_over_long_record_is_a_bad_record_and_what_follows_it_is_read()
    {
        var huge = CloudTrailData.Indented(CloudTrailData.Record(1, padding: 20000));
        var text = huge + "\n" + CloudTrailData.Record(2);
        var path = CloudTrailData.Write(folder.File("one.json"), text);

        var (ids, result) = Reading.File(path, new ReadLimits { BufferBytes = 128, MaxRecordBytes = 1000 });

        ids.ShouldBe(["evt-2"]);
        result.BadRecords.ShouldHaveSingleItem().Offset.ShouldBe(0);
        result.Failure.ShouldBeNull();
    }

    [Fact]
    public void An_over_long_string_or_array_among_the_records_is_skipped_whatever_brackets_and_escapes_it_holds()
    {
        var records = CloudTrailData.Records(2);
        var longString = "\"" + string.Concat(Enumerable.Repeat("]}[{ \\\" \\\\", 3000)) + "\"";
        var longArray = "[" + string.Concat(Enumerable.Repeat("{\"a\":\"]}\\\"\"},", 3000)) + "0]";
        var text = "{\"Records\":[" + longArray + "," + records[0] + "," + longString + "," + records[1] + "]}";
        System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("Records").GetArrayLength().ShouldBe(4);
        var path = CloudTrailData.Write(folder.File("odd.json.gz"), text, gzip: true);

        var (ids, result) = Reading.File(path, new ReadLimits { BufferBytes = 100, MaxRecordBytes = 1000 });

        ids.ShouldBe(["evt-0", "evt-1"]);
        result.BadRecords.Select(b => b.Offset).ShouldBe([12, text.IndexOf(longString, StringComparison.Ordinal)]);
        result.Failure.ShouldBeNull();
    }

    [Fact]
    public void A_record_exactly_at_the_limit_is_read()
    {
        var record = CloudTrailData.Record(1, padding: 300);
        var path = CloudTrailData.Write(folder.File("exact.jsonl"), record + "\n" + record + "x\n");

        var (ids, result) = Reading.File(path, new ReadLimits { BufferBytes = 64, MaxRecordBytes = record.Length + 1 });

        ids.ShouldBe(["evt-1"]);
        result.BadRecords.ShouldHaveSingleItem().Offset.ShouldBe(record.Length + 1);
    }

    [Fact]
    public void Bad_records_past_the_listing_limit_are_counted()
    {
        var path = CloudTrailData.Write(folder.File("junk.jsonl"), string.Concat(Enumerable.Repeat("junk\n", 50)));

        var (_, result) = Reading.File(path, new ReadLimits { MaxBadRecordsListed = 10 });

        result.BadRecords.Count.ShouldBe(10);
        result.BadRecordsNotListed.ShouldBe(40);
    }

    [Fact]
    public void A_part_whose_file_vanished_is_a_failure_not_an_exception()
    {
        var part = new InputPart(Path.Combine(folder.Root, "gone.jsonl"), InputKind.JsonLines, false, 0, 100);

        var result = RecordReader.Read(part, _ => { }, ReadLimits.Default, CancellationToken.None);

        result.Failure.ShouldNotBeNull().ShouldStartWith("could not open the file: ");
        result.Records.ShouldBe(0);
    }

    [Fact]
    public void A_Records_value_that_is_not_an_array_is_a_failure()
    {
        var path = CloudTrailData.Write(folder.File("odd.json"), "{\"Records\": {\"eventID\": \"x\"}}");

        var (ids, result) = Reading.File(path);

        ids.ShouldBeEmpty();
        result.Failure.ShouldBe("\"Records\" holds an object, not an array of records (at byte 12)");
        result.FailureOffset.ShouldBe(12);
    }
}
