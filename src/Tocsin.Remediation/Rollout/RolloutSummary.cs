using Tocsin.Core.Exceptions;
using Tocsin.Core.Findings;

namespace Tocsin.Remediation.Rollout;

/// <summary>
/// The closing report of a rollout: what was fixed, what still fails and why, what exceptions cover (owner, expiry,
/// days left), which exceptions run out within 30 days, and the step that keeps it from coming back.
/// </summary>
public sealed record RolloutSummary(
    IReadOnlyList<Finding> Fixed,
    IReadOnlyList<Finding> AwaitingConfirmation,
    IReadOnlyList<Finding> StillFailing,
    IReadOnlyList<Finding> Suppressed,
    IReadOnlyList<ExceptionEntry> ExpiringSoon,
    IReadOnlyList<ExceptionEntry> Expired)
{
    public const int ExpiryWarningDays = 30;

    /// <param name="before">The findings when the rollout began.</param>
    /// <param name="after">The findings of the closing scan.</param>
    public static RolloutSummary Of(RunResult before, RunResult after, DateOnly today)
    {
        var failedBefore = before.Findings.Where(f => !f.Suppressed && f.Outcome == Outcome.Fail).Select(Key).ToHashSet();
        var open = after.Findings.Where(f => !f.Suppressed).ToList();
        var suppressed = after.Findings.Where(f => f.Suppressed).ToList();
        return new RolloutSummary(
            [.. open.Where(f => f.Outcome == Outcome.Pass && failedBefore.Contains(Key(f)))],
            [.. open.Where(AwaitsConfirmation)],
            [.. open.Where(f => f.Outcome != Outcome.Pass && !AwaitsConfirmation(f))],
            suppressed,
            [.. suppressed.Select(f => f.SuppressedBy!).Distinct().Where(e => DaysLeft(e, today) <= ExpiryWarningDays).OrderBy(e => e.Expires)],
            after.Summary.ExpiredExceptions);
    }

    /// <summary>Every link holds but the subscriber has not confirmed yet: a person's step, not a broken chain.</summary>
    public static bool AwaitsConfirmation(Finding finding) =>
        finding.Outcome == Outcome.Fail && finding.Reasons.SequenceEqual([ReasonCode.NoConfirmedSubscription]);

    public static int DaysLeft(ExceptionEntry exception, DateOnly today) => exception.Expires.DayNumber - today.DayNumber;

    private static (string, string) Key(Finding finding) => (finding.AccountId, finding.ControlId);

    public void Write(TextWriter output, DateOnly today)
    {
        output.WriteLine($"Fixed: {Fixed.Count}");
        foreach (var finding in Fixed)
        {
            output.WriteLine($"  {finding.AccountId} {finding.ControlId}");
        }

        output.WriteLine($"Awaiting a subscriber's confirmation: {AwaitingConfirmation.Count}");
        foreach (var finding in AwaitingConfirmation)
        {
            output.WriteLine($"  {finding.AccountId} {finding.ControlId}: {finding.Message}");
        }

        output.WriteLine($"Still failing: {StillFailing.Count}");
        foreach (var finding in StillFailing)
        {
            output.WriteLine($"  {finding.AccountId} {finding.ControlId}: {finding.Outcome.ToString().ToLowerInvariant()} ({string.Join(", ", finding.Reasons.Select(r => r.ToCode()))}) {finding.Message}");
        }

        output.WriteLine($"Covered by exceptions: {Suppressed.Count}");
        foreach (var finding in Suppressed)
        {
            var exception = finding.SuppressedBy!;
            output.WriteLine($"  {finding.AccountId} {finding.ControlId}: owner {exception.Owner}, expires {exception.Expires:yyyy-MM-dd} ({DaysLeft(exception, today)} days left): {exception.Reason}");
        }

        foreach (var exception in ExpiringSoon)
        {
            output.WriteLine($"Exception expiring within {ExpiryWarningDays} days: {exception}");
        }

        foreach (var exception in Expired)
        {
            output.WriteLine($"Expired exception, suppressing nothing: {exception}");
        }

        output.WriteLine("Keep it from coming back: run `tocsin scan --fail-on fail` on a schedule and in CI, with the exceptions file under review.");
    }
}
