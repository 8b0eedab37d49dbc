using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Rendering;

/// <summary>The plan in words: per account and region the ordered steps, each with the reason code it mends; then what each finding becomes.</summary>
public sealed class TextPlanRenderer : IPlanRenderer
{
    public string Format => "text";

    public void Write(RemediationPlan plan, RenderOptions options, TextWriter output)
    {
        if (plan.IsEmpty && plan.Fixes.Count == 0)
        {
            output.WriteLine(plan.NotPlanned.Count == 0 ? "Nothing to fix: no finding fails." : "No step planned:");
        }

        var number = 0;
        foreach (var group in plan.Steps.GroupBy(s => (s.AccountId, s.Region)))
        {
            output.WriteLine($"Account {group.Key.AccountId}, {group.Key.Region}:");
            foreach (var step in group)
            {
                output.WriteLine($"  {++number,2}. {step.Describe()} [{step.ReasonCodeText}]");
            }

            output.WriteLine();
        }

        if (plan.Fixes.Count > 0)
        {
            output.WriteLine("After these steps:");
            foreach (var fix in plan.Fixes.OrderBy(f => f.AccountId, StringComparer.Ordinal).ThenBy(f => f.ControlId, StringComparer.Ordinal))
            {
                var after = fix.After switch
                {
                    "pass" => "passes",
                    "awaits-confirmation" => "passes once a subscription is confirmed",
                    EventBridge.EventBridgePlanner.AfterAccepted => "passes under --accept eventbridge",
                    _ => "still fails",
                };
                output.WriteLine($"  {fix.AccountId} {fix.ControlId}: {string.Join(", ", fix.Reasons)} -> {after}{(fix.Note is null || fix.After == "awaits-confirmation" ? "" : $" ({fix.Note})")}");
            }
        }

        foreach (var skipped in plan.NotPlanned.OrderBy(n => n.AccountId, StringComparer.Ordinal).ThenBy(n => n.ControlId, StringComparer.Ordinal))
        {
            output.WriteLine($"  {skipped.AccountId} {skipped.ControlId}: not planned, {skipped.Why}");
        }

        foreach (var warning in plan.Warnings)
        {
            output.WriteLine($"Warning: {warning}");
        }
    }
}
