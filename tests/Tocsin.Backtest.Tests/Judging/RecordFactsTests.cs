using System.Text;
using CsCheck;
using Tocsin.Backtest.Judging;
using Tocsin.Core.Controls;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Parsing;

namespace Tocsin.Backtest.Tests.Judging;

public class RecordFactsTests
{
    // read for every JSON record: the set's read is the only one, as in a backtest
    private static readonly PatternMatcherSet Set = new(
        [PatternMatcher.Compile(PatternParser.Parse("{ ($.eventName = *) || ($.eventName NOT EXISTS) }").Pattern!)],
        RecordFacts.Selectors,
        []);

    private static readonly string[] Texts =
        ["\"2026-10-04T09:12:00Z\"", "\"2026-10-04T09:12:00+02:00\"", "\"2026-02-30T09:12:00Z\"", "\"yesterday\"", "\"203.0.113.7\"", "\"eu-west-1\"",
         "\"111122223333\"", "\"Root\"", "\"arn:aws:iam::111122223333:root\"", "\"é\"", "\"\"", "\"2026-10-04T09:12:0\\u0030Z\"", "\"10.0.0.\\u0031\""];

    private static readonly string[] Others = ["7", "null", "true", "{}", "[]", "[\"eu-west-1\"]", "{\"arn\":\"arn:aws:iam::1:user/inner\"}"];

    private static readonly string[] Keys = ["eventTime", "sourceIPAddress", "recipientAccountId", "awsRegion", "eventName", "requestParameters"];

    private static readonly string[] IdentityKeys = ["arn", "type", "accountId", "userName"];

    private static readonly Gen<string> Value = Gen.Frequency((3, Gen.OneOf(Texts)), (1, Gen.OneOf(Others)));

    private static readonly Gen<string> Identity = Gen.Frequency(
        (4, Gen.Select(Gen.OneOf(IdentityKeys), Value).Array[0, 5].Select(fields => "{" + string.Join(',', fields.Select(f => $"\"{f.Item1}\":{f.Item2}")) + "}")),
        (1, Gen.OneOf("\"Root\"", "[{\"arn\":\"arn:aws:iam::1:root\"}]", "null")));

    // records with the facts' fields in any order, repeated, of any type, escaped, nested where they do not count
    private static readonly Gen<string> Record = Gen.Frequency(
            (4, Gen.Select(Gen.OneOf(Keys), Value)),
            (2, Identity.Select(identity => ("userIdentity", identity))))
        .Array[0, 9]
        .Select(fields => "{" + string.Join(',', fields.Select(f => $"\"{f.Item1}\":{f.Item2}")) + "}");

    [Fact]
    public void The_facts_taken_from_the_patterns_read_are_the_facts_a_second_read_gives()
    {
        var taken = 0;
        Record.Sample(
            record =>
            {
                var strings = new Utf8Strings();
                var read = Set.NewRead(); // one per sample: samples run on several threads
                var bytes = Encoding.UTF8.GetBytes(record);
                Set.Match(bytes, new bool[1], read);
                read.WasRead.ShouldBeTrue(record);
                if (RecordFacts.From(bytes, read.Captured, strings) is { } facts)
                {
                    Interlocked.Increment(ref taken);
                    facts.ShouldBe(RecordFacts.Read(bytes, strings), record);
                }
            },
            iter: 5_000);
        taken.ShouldBeGreaterThan(2_000); // most records carry no escaped fact, so the read's facts were compared
    }

    [Fact]
    public void The_facts_of_every_catalog_corpus_record_come_from_the_patterns_read()
    {
        var strings = new Utf8Strings();
        var read = Set.NewRead();
        foreach (var record in ControlCatalog.Default.All.SelectMany(control => control.Corpus).Select(e => e.Message))
        {
            var bytes = Encoding.UTF8.GetBytes(record);
            Set.Match(bytes, new bool[1], read);
            RecordFacts.From(bytes, read.Captured, strings).ShouldBe(RecordFacts.Read(bytes, strings), record);
        }
    }

    [Fact]
    public void A_value_written_with_escapes_sends_the_facts_back_to_a_JSON_reader()
    {
        var bytes = """{"eventName":"ConsoleLogin","sourceIPAddress":"203.0.113.\u0037"}"""u8.ToArray();
        var read = Set.NewRead();
        Set.Match(bytes, new bool[1], read);
        RecordFacts.From(bytes, read.Captured, new Utf8Strings()).ShouldBeNull();
        RecordFacts.Read(bytes, new Utf8Strings()).SourceIp.ShouldBe("203.0.113.7");
    }

    [Fact]
    public void A_later_value_of_a_repeated_field_replaces_an_earlier_one_field_by_field()
    {
        var facts = RecordFacts.Read(
            """{"userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::1:user/alice"},"awsRegion":"eu-west-1","userIdentity":{"type":"Root"},"awsRegion":5}"""u8,
            new Utf8Strings());
        facts.Principal.ShouldBe("arn:aws:iam::1:user/alice"); // the second userIdentity has no arn: the first one's stands
        facts.Region.ShouldBe("eu-west-1"); // a number is no region
    }

    [Fact]
    public void The_same_bytes_give_the_same_string_and_past_the_limit_still_the_right_one()
    {
        var strings = new Utf8Strings();
        var first = strings.Get("203.0.113.7"u8);
        strings.Get("203.0.113.7"u8).ShouldBeSameAs(first);
        strings.Get("arn:aws:iam::1:user/é"u8).ShouldBe("arn:aws:iam::1:user/é");
        for (var i = 0; i < Utf8Strings.MaxEntries + 10; i++)
        {
            strings.Get(Encoding.UTF8.GetBytes($"10.0.{i / 256}.{i % 256}")).ShouldBe($"10.0.{i / 256}.{i % 256}");
        }

        strings.Get("203.0.113.7"u8).ShouldBeSameAs(first);
    }
}
