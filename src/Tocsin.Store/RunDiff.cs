using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;

namespace Tocsin.Store;

/// <summary>How an account × control changed from one run to the next.</summary>
public enum Change
{
    /// <summary>Fails now, and did not before (passed, could not be decided, was suppressed or was not checked).</summary>
    NewlyFailing,

    /// <summary>Passes now, and failed or could not be decided before.</summary>
    Fixed,

    /// <summary>Failed then, fails now.</summary>
    StillFailing,

    /// <summary>Cannot be decided now, and could be before.</summary>
    NewError,

    /// <summary>Could not be decided then, cannot now.</summary>
    StillError,

    /// <summary>Suppressed by an exception now, and was not before.</summary>
    NewlySuppressed,

    /// <summary>Suppressed before, and no longer: its exception expired or was removed.</summary>
    NoLongerSuppressed,

    /// <summary>Checked before, not in this run.</summary>
    NotChecked,
}

/// <summary>One account × control that changed (or still fails), with its finding in each run.</summary>
public sealed record FindingChange(Change Change, string AccountId, string ControlId, Finding? Before, Finding? After)
{
    /// <summary>The finding that says most now: the newer one, or the older when the control is no longer checked.</summary>
    public Finding Latest => After ?? Before!;
}

/// <summary>
/// What changed between two runs: newly failing, fixed, still failing, new errors, and the exceptions in force in the
/// newer run that expire within the window. A pass that stays a pass is not listed.
/// </summary>
public sealed record RunDiff(StoredRun Older, StoredRun Newer, IReadOnlyList<FindingChange> Changes, IReadOnlyList<ExceptionEntry> Expiring, int ExpiringWithinDays)
{
    public IEnumerable<FindingChange> Of(Change change) => Changes.Where(c => c.Change == change);

    /// <summary>Something fails that did not: <c>tocsin diff</c> exits 1, for CI.</summary>
    public bool HasNewFailures => Changes.Any(c => c.Change == Change.NewlyFailing);

    public static RunDiff Between(StoredRun older, RunResult before, StoredRun newer, RunResult after, IReadOnlyList<ExceptionEntry> exceptionsInForce, DateTimeOffset now, int expiringWithinDays)
    {
        var was = ByKey(before);
        var later = ByKey(after);
        var changes = new List<FindingChange>();
        foreach (var key in was.Keys.Union(later.Keys).Order())
        {
            var old = was.GetValueOrDefault(key);
            var current = later.GetValueOrDefault(key);
            if (ChangeOf(old, current) is { } change)
            {
                changes.Add(new FindingChange(change, key.Account, key.Control, old, current));
            }
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var expiring = exceptionsInForce
            .Where(e => !e.IsExpiredAt(now) && e.Expires.DayNumber - today.DayNumber <= expiringWithinDays)
            .OrderBy(e => e.Expires)
            .ToList();
        return new RunDiff(older, newer, changes, expiring, expiringWithinDays);
    }

    private static Change? ChangeOf(Finding? old, Finding? current)
    {
        if (current is null)
        {
            return Change.NotChecked;
        }

        if (current.Suppressed)
        {
            return old is { Suppressed: false } || old is null ? Change.NewlySuppressed : null;
        }

        var before = old is null ? (Outcome?)null : old.Suppressed ? null : old.Outcome;
        if (old is { Suppressed: true } && current.Outcome != Outcome.Fail)
        {
            return current.Outcome == Outcome.Error ? Change.NewError : Change.NoLongerSuppressed;
        }

        return current.Outcome switch
        {
            Outcome.Fail => before == Outcome.Fail ? Change.StillFailing : Change.NewlyFailing,
            Outcome.Error => before == Outcome.Error ? Change.StillError : Change.NewError,
            _ => before is Outcome.Fail or Outcome.Error ? Change.Fixed : null,
        };
    }

    private static Dictionary<(string Account, string Control), Finding> ByKey(RunResult result)
    {
        var keyed = new Dictionary<(string Account, string Control), Finding>();
        foreach (var finding in result.Findings)
        {
            var key = (finding.AccountId, finding.ControlId);
            // Two regions' findings of one account and control: the worse one speaks for the pair.
            if (!keyed.TryGetValue(key, out var held) || Severity(finding) > Severity(held))
            {
                keyed[key] = finding;
            }
        }

        return keyed;
    }

    private static int Severity(Finding finding) => finding.Suppressed ? 0 : finding.Outcome switch
    {
        Outcome.Fail => 3,
        Outcome.Error => 2,
        _ => 1,
    };
}
