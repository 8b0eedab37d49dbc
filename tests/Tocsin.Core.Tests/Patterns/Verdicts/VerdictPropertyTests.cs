using System.Text.Json.Nodes;
using CsCheck;
using Tocsin.Core.Controls;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Parsing;
using Tocsin.Core.Patterns.Verdicts;

namespace Tocsin.Core.Tests.Patterns.Verdicts;

/// <summary>
/// The verdict is decided over a finite stand-in for all CloudTrail records. These properties check it against
/// direct evaluation on random patterns and random CloudTrail-shaped records: where the verdict finds no record
/// of one kind of disagreement, no random record shows one either, and every example it gives is real.
/// </summary>
public class VerdictPropertyTests
{
    private static readonly Control Seed = ControlCatalog.Default.Find("console-signin-without-mfa")!;

    private static readonly string[] Constants = ["ConsoleLogin", "Yes", "No", "Success", "Failure", "IAMUser", "Root", "GetUser", "AWSReservedSSO"];

    private static readonly string[] Selectors =
    [
        "$.eventName", "$.additionalEventData.MFAUsed", "$.userIdentity.type", "$.userIdentity.arn",
        "$.responseElements.ConsoleLogin", "$.errorCode", "$.additionalEventData",
    ];

    [Fact]
    public void A_verdict_never_contradicts_direct_evaluation()
    {
        var reference = PatternMatcher.Compile(PatternParser.Parse(Seed.PrimaryReference.Pattern).Pattern!);
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var text = RandomPattern(random);
            var verdict = PatternJudge.Judge(text, Seed);
            verdict.Kind.ShouldNotBe(VerdictKind.Unparseable, text);
            var candidate = PatternMatcher.Compile(PatternParser.Parse(text).Pattern!);

            foreach (var example in verdict.Differences)
            {
                candidate.Matches(example.Json).ShouldBe(example.CandidateMatches, $"{text} on {example.Json}");
                reference.Matches(example.Json).ShouldBe(example.ReferenceMatches, $"{text} on {example.Json}");
            }

            var mayMiss = verdict.Differences.Any(d => d.ReferenceMatches);
            var mayAdd = verdict.Differences.Any(d => d.CandidateMatches);
            for (var i = 0; i < 200; i++)
            {
                var record = RandomRecord(random);
                var c = candidate.Matches(record);
                var r = reference.Matches(record);
                if (verdict.Kind == VerdictKind.NeverFires)
                {
                    c.ShouldBeFalse($"{text} was judged never-fires but matches {record}");
                }

                (r && !c && !mayMiss).ShouldBeFalse($"{text} ({verdict.Kind}) found no missed record, but misses {record}");
                (c && !r && !mayAdd).ShouldBeFalse($"{text} ({verdict.Kind}) found no extra record, but adds {record}");
            }
        }, iter: 150);
    }

    private static string RandomPattern(Random random) => "{ " + Expression(random, depth: 0) + " }";

    private static string Expression(Random random, int depth)
    {
        if (depth < 2 && random.Next(3) > 0)
        {
            var op = random.Next(2) == 0 ? " && " : " || ";
            return "(" + Expression(random, depth + 1) + op + Expression(random, depth + 1) + ")";
        }

        var selector = Selectors[random.Next(Selectors.Length)];
        return random.Next(10) switch
        {
            0 => $"{selector} NOT EXISTS",
            1 => $"{selector} IS NULL",
            2 => $"{selector} = \"{Pick(random)}*\"",
            3 => $"{selector} = \"*{Pick(random)}*\"",
            4 => $"{selector} = %{Pick(random)[..2]}%",
            5 or 6 => $"{selector} != \"{Pick(random)}\"",
            _ => $"{selector} = \"{Pick(random)}\"",
        };
    }

    private static string Pick(Random random) => Constants[random.Next(Constants.Length)];

    private static string RandomRecord(Random random)
    {
        var record = new JsonObject
        {
            ["eventVersion"] = "1.08",
            ["eventName"] = RandomString(random),
            ["eventSource"] = "signin.amazonaws.com",
            ["userIdentity"] = RandomIdentity(random),
        };
        if (random.Next(4) > 0)
        {
            record["additionalEventData"] = random.Next(8) == 0 ? null : new JsonObject { ["MFAUsed"] = RandomValue(random) };
        }

        if (random.Next(3) > 0)
        {
            record["responseElements"] = random.Next(5) == 0 ? null : new JsonObject { ["ConsoleLogin"] = RandomString(random) };
        }

        if (random.Next(3) == 0)
        {
            record["errorCode"] = RandomString(random);
        }

        return record.ToJsonString();
    }

    private static JsonObject RandomIdentity(Random random)
    {
        var identity = new JsonObject { ["type"] = RandomString(random) };
        if (random.Next(3) > 0)
        {
            identity["arn"] = "arn:aws:sts::123456789012:assumed-role/" + RandomString(random) + "/alice";
        }

        return identity;
    }

    private static JsonNode? RandomValue(Random random) => random.Next(10) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(3)),
        2 => JsonValue.Create(random.Next(2) == 0),
        3 => new JsonObject(),
        _ => JsonValue.Create(RandomString(random)),
    };

    private static string RandomString(Random random)
    {
        var text = Pick(random);
        return random.Next(6) switch
        {
            0 => text + "x",
            1 => "x" + text,
            2 => text.ToLowerInvariant(),
            3 => "",
            4 => text + Pick(random),
            _ => text,
        };
    }
}
