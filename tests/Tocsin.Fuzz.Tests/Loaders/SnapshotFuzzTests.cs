using Tocsin.Core.Inventory.Snapshots;
using Tocsin.Fuzz.Tests.Harness;

namespace Tocsin.Fuzz.Tests.Loaders;

[Collection(FuzzCollection.Name)]
public class SnapshotFuzzTests(ITestOutputHelper output)
{
    private static readonly Lazy<string[]> Fixtures = new(() =>
        [.. Directory.GetFiles(Path.Combine(RepositoryFiles.Root, "tests", "fixtures", "snapshots"), "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllText)]);

    private static readonly string[] JsonTokens = ["{", "}", "[", "]", ",", ":", "\"", "\"schemaVersion\":1", "null", "\\u", "1e999", "\"accounts\":[]"];

    [Fact]
    public void A_snapshot_file_is_loaded_or_refused_with_the_json_path_or_line_of_the_problem()
    {
        var target = new FuzzTarget<string>(
            "snapshot loader",
            Generate,
            text => text.Length * 2L,
            Printable.Text,
            Check) { Warmup = Fixtures.Value[0] };

        FuzzCampaign.Run(target, output).ShouldBeGreaterThan(0);
    }

    private static string Generate(Random random)
    {
        var fixture = Fixtures.Value[random.Next(Fixtures.Value.Length)];
        return random.Next(10) switch
        {
            < 5 => JsonTreeMutations.Mutate(random, fixture),
            < 7 => Mutations.Mutate(random, JsonTreeMutations.Mutate(random, fixture), JsonTokens),
            < 9 => Mutations.Mutate(random, fixture, JsonTokens),
            _ => Mutations.Reencode(random, fixture),
        };
    }

    private static void Check(string text)
    {
        try
        {
            Snapshot.Parse(text, "fuzz.json");
        }
        catch (SnapshotException refused)
        {
            refused.File.ShouldBe("fuzz.json");
            refused.Problem.ShouldNotBeNullOrWhiteSpace();
            (refused.Location.StartsWith('$') || refused.Location.StartsWith("line ", StringComparison.Ordinal))
                .ShouldBeTrue($"the refusal \"{refused.Message}\" names no JSON path or line");
        }
    }
}
