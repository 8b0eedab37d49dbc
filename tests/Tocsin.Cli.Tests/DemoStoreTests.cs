using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Tocsin.Core.Findings;
using Tocsin.Store;

namespace Tocsin.Cli.Tests;

public sealed partial class DemoStoreTests
{
    [Fact]
    public void The_demo_records_its_runs_in_a_store_of_its_own_and_names_the_commands_that_show_them()
    {
        var run = CliRun.Of("demo");

        run.ExitCode.ShouldBe(0, run.Error);
        var path = ServeCommand().Match(run.Error).Groups["store"].Value;
        path.ShouldStartWith(Path.GetTempPath());
        run.Error.ShouldContain($"tocsin diff --store {path}");
        try
        {
            using var store = RunStore.Open(StoreLocation.Parse(path));
            var runs = store.Runs();
            runs.Select(r => r.Kind).ShouldBe([RunKinds.Demo, RunKinds.Remediate, RunKinds.Remediate, RunKinds.Demo]);
            runs[0].Counts.Fail.ShouldBeGreaterThan(0);
            runs[^1].Counts.ShouldBe(new FindingCounts(runs[0].Counts.Total, 0, 0, 0));
            store.Steps(runs[1]).Concat(store.Steps(runs[2])).ShouldContain(step => step.Outcome == "applied");

            var diff = CliRun.Of("diff", "--store", path);
            diff.ExitCode.ShouldBe(0, diff.Error);
            diff.Out.ShouldContain($"Fixed ({runs[0].Counts.Fail})");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [GeneratedRegex(@"tocsin serve --store (?<store>\S+)")]
    private static partial Regex ServeCommand();
}
