using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Inventory.Snapshots;

namespace Tocsin.Core.Tests.Evaluation;

/// <summary>
/// Good and bad fixture snapshots for every control of the catalog (tests/fixtures/controls/README.md): each is
/// evaluated end to end, from the snapshot file through the chain and the pattern verdict to the finding.
/// </summary>
public class ControlFixtureTests
{
    private const string Account = "111111111111";

    public static TheoryData<string, string> Fixtures()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in ControlFixtureTable.Rows())
        {
            data.Add(row.Control, row.Fixture);
        }

        return data;
    }

    public static TheoryData<string> Controls() => [.. ControlCatalog.Default.Ids];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_control_fixture_gets_the_outcome_reasons_verdicts_and_message_its_readme_row_promises(string control, string fixture)
    {
        var expected = ControlFixtureTable.RowOf(control, fixture);

        var finding = Evaluate(control, fixture);

        finding.Outcome.ShouldBe(expected.Outcome, finding.Message);
        finding.Reasons.ShouldBe(expected.Reasons, finding.Message);
        finding.Verdict.ShouldBe(expected.Verdict, finding.Message);
        finding.LiteralVerdict.ShouldBe(expected.Literal, finding.Message);
        finding.Message.ShouldContain(expected.MessagePhrase, Case.Sensitive);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Each_control_fixture_loads_and_writes_back_the_same_json(string control, string fixture)
    {
        var path = ControlFixtureTable.PathOf(control, fixture);

        Snapshot.ToJson(Load(path)).ShouldBe(File.ReadAllText(path));
    }

    [Theory]
    [MemberData(nameof(Controls))]
    public void Every_catalog_control_has_a_good_fixture_and_at_least_two_bad_ones(string control)
    {
        var fixtures = ControlFixtureTable.FixturesOf(control);

        fixtures.ShouldContain("good", $"tests/fixtures/controls/{control}/good.json is missing");
        fixtures.Count(name => name.StartsWith("bad-", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(2, $"tests/fixtures/controls/{control} needs at least two bad-*.json fixtures");
    }

    [Fact]
    public void Every_fixture_folder_is_named_after_a_catalog_control()
    {
        ControlFixtureTable.Folders().Where(folder => ControlCatalog.Default.Find(folder)?.Id != folder).ShouldBeEmpty();
    }

    [Fact]
    public void Every_fixture_file_has_a_readme_row_and_every_row_a_file()
    {
        var files = ControlFixtureTable.Folders().SelectMany(control => ControlFixtureTable.FixturesOf(control).Select(fixture => $"{control}/{fixture}")).ToList();
        var rows = ControlFixtureTable.Rows().Select(row => $"{row.Control}/{row.Fixture}").ToList();

        files.Except(rows).ShouldBeEmpty("fixtures without a row in tests/fixtures/controls/README.md");
        rows.Except(files).ShouldBeEmpty("rows without a fixture file");
        rows.ShouldBeUnique();
    }

    private static Finding Evaluate(string control, string fixture)
    {
        var inventory = Load(ControlFixtureTable.PathOf(control, fixture));
        return new ChainEvaluator(EvaluationOptions.Default).Evaluate(inventory, inventory.FindAccount(Account)!, ControlCatalog.Default.Find(control)!);
    }

    private static CloudInventory Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Snapshot.Load(stream, Path.GetRelativePath(ControlFixtureTable.Folder, path));
    }
}
