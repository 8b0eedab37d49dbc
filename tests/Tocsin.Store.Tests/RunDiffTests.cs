using Tocsin.Core.Findings;

namespace Tocsin.Store.Tests;

public class RunDiffTests
{
    private static readonly StoredRun Older = Stored("older", Runs.Monday);
    private static readonly StoredRun Newer = Stored("newer", Runs.Monday.AddDays(1));

    private static StoredRun Stored(string id, DateTimeOffset at) =>
        new(id, RunKinds.Scan, "live", "scope", "scope", "0.1.0", at, at, [], 1, 1, new ApiCalls(0, 0, 0, 0), new FindingCounts(0, 0, 0, 0));

    private static RunDiff Diff(Finding[] before, Finding[] after, int days = 30) =>
        RunDiff.Between(Older, RunResult.Of(before), Newer, RunResult.Of(after), [Runs.Exception], Runs.Monday.AddDays(1), days);

    private static Change? ChangeOf(RunDiff diff, string account) => diff.Changes.SingleOrDefault(c => c.AccountId == account)?.Change;

    [Fact]
    public void A_pass_that_now_fails_is_newly_failing_and_makes_the_diff_fail_CI()
    {
        var diff = Diff([Runs.Pass("111111111111")], [Runs.Fail("111111111111")]);

        ChangeOf(diff, "111111111111").ShouldBe(Change.NewlyFailing);
        diff.HasNewFailures.ShouldBeTrue();
    }

    [Fact]
    public void A_fail_that_now_passes_is_fixed_and_a_pass_that_stays_a_pass_is_not_listed()
    {
        var diff = Diff([Runs.Fail("111111111111"), Runs.Pass("222222222222")], [Runs.Pass("111111111111"), Runs.Pass("222222222222")]);

        diff.Changes.Select(c => (c.AccountId, c.Change)).ShouldBe([("111111111111", Change.Fixed)]);
        diff.HasNewFailures.ShouldBeFalse();
    }

    [Fact]
    public void A_fail_that_still_fails_is_listed_as_still_failing_and_does_not_fail_CI_again()
    {
        var diff = Diff([Runs.Fail("111111111111")], [Runs.Fail("111111111111", reason: ReasonCode.NoAlarm)]);

        ChangeOf(diff, "111111111111").ShouldBe(Change.StillFailing);
        diff.HasNewFailures.ShouldBeFalse();
    }

    [Fact]
    public void An_account_that_could_not_be_read_this_time_is_a_new_error_never_a_fix_or_a_failure()
    {
        ChangeOf(Diff([Runs.Fail("111111111111")], [Runs.Error("111111111111")]), "111111111111").ShouldBe(Change.NewError);
        ChangeOf(Diff([Runs.Pass("111111111111")], [Runs.Error("111111111111")]), "111111111111").ShouldBe(Change.NewError);
        ChangeOf(Diff([Runs.Error("111111111111")], [Runs.Error("111111111111")]), "111111111111").ShouldBe(Change.StillError);
    }

    [Fact]
    public void A_failure_after_an_undecided_run_is_newly_failing_because_nobody_had_seen_it_fail()
    {
        ChangeOf(Diff([Runs.Error("111111111111")], [Runs.Fail("111111111111")]), "111111111111").ShouldBe(Change.NewlyFailing);
    }

    [Fact]
    public void A_finding_whose_exception_lapsed_fails_anew_and_one_newly_excepted_is_listed_as_suppressed()
    {
        var suppressed = Runs.Fail("111111111111") with { SuppressedBy = Runs.Exception };

        ChangeOf(Diff([suppressed], [Runs.Fail("111111111111")]), "111111111111").ShouldBe(Change.NewlyFailing);
        ChangeOf(Diff([Runs.Fail("111111111111")], [suppressed]), "111111111111").ShouldBe(Change.NewlySuppressed);
        ChangeOf(Diff([suppressed], [suppressed]), "111111111111").ShouldBeNull();
    }

    [Fact]
    public void An_account_checked_before_and_not_now_is_listed_as_no_longer_checked()
    {
        ChangeOf(Diff([Runs.Pass("111111111111")], []), "111111111111").ShouldBe(Change.NotChecked);
    }

    [Fact]
    public void A_new_account_that_fails_on_its_first_run_is_newly_failing()
    {
        ChangeOf(Diff([], [Runs.Fail("444444444444")]), "444444444444").ShouldBe(Change.NewlyFailing);
    }

    [Fact]
    public void Exceptions_of_the_newer_run_that_expire_within_the_window_are_listed_and_later_ones_are_not()
    {
        // Runs.Exception expires on 2026-12-20; the diff is made on 2026-12-01.
        Diff([], [], days: 30).Expiring.ShouldBe([Runs.Exception]);
        Diff([], [], days: 18).Expiring.ShouldBeEmpty();
        Diff([], [], days: 19).Expiring.Count.ShouldBe(1);
    }
}
