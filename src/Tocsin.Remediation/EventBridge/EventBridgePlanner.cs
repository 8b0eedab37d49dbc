using Tocsin.Core.Controls;
using Tocsin.Core.EventPatterns;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Planning;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.EventBridge;

/// <summary>
/// The plan for <c>--via eventbridge</c>: for each failing finding, in every region of the account that was read, an
/// EventBridge rule on the default bus with the control's pattern, sending to a topic that has a confirmed subscriber
/// (reused as the metric-filter planner reuses one) and whose policy, and key, let <c>events.amazonaws.com</c>
/// publish. Sign-ins arrive in the region whose endpoint served them (us-east-1 for the root user and the global
/// endpoint), so a rule in one region hears only that region: every region gets its own.
/// </summary>
internal sealed class EventBridgePlanner(PlanOptions options)
{
    /// <summary>The id of the target Tocsin puts on its rules.</summary>
    public const string TargetId = "tocsin-topic";

    public const string AfterAccepted = "pass-with-accept-eventbridge";

    /// <summary>Controls whose events include calls to global services or root and global-endpoint sign-ins, which arrive in us-east-1.</summary>
    private static readonly HashSet<string> HeardInUsEast1 = new(StringComparer.Ordinal)
    {
        "console-signin-without-mfa", "console-auth-failures", "root-account-usage", "iam-policy-changes", "organizations-changes",
    };

    /// <summary>Controls whose events are sign-ins, not API calls (EventBridge gets API calls only while a trail is logging).</summary>
    private static readonly HashSet<string> SignInControls = new(StringComparer.Ordinal) { "console-signin-without-mfa", "console-auth-failures" };

    public RemediationPlan Plan(CloudInventory inventory, RunResult result, IReadOnlyList<Control> controls)
    {
        var state = new PlanState(inventory, options, controls);
        var fixes = new List<PlannedFix>();
        var notPlanned = new List<NotPlanned>();
        foreach (var finding in result.Findings)
        {
            if (finding.SuppressedBy is { } exception)
            {
                notPlanned.Add(new NotPlanned(finding.ControlId, finding.AccountId, "fail", $"suppressed by the exception of {exception.Owner} until {exception.Expires:yyyy-MM-dd}: {exception.Reason}"));
            }
            else if (finding.Outcome == Outcome.Error)
            {
                notPlanned.Add(new NotPlanned(finding.ControlId, finding.AccountId, "error", $"could not be decided, so nothing is planned until it can be seen: {finding.Message}"));
            }
            else if (finding.Outcome == Outcome.Fail && controls.FirstOrDefault(c => c.Id == finding.ControlId) is { } control)
            {
                fixes.Add(Mend(state, finding, control));
            }
        }

        var apiCalls = state.Steps.OfType<PutEventRule>().Select(r => r.ControlId).Where(id => !SignInControls.Contains(id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (apiCalls.Count > 0)
        {
            state.Warn($"EventBridge receives API-call events (AWS API Call via CloudTrail) only while a CloudTrail trail is logging in the account: the rules of {string.Join(", ", apiCalls)} hear nothing without one");
        }

        return new RemediationPlan(options, [.. state.Steps.Select((step, index) => (step, index)).GroupBy(s => s.step.AccountId).SelectMany(g => g).Select(s => s.step)], fixes, notPlanned, state.Warnings);
    }

    private static PlannedFix Mend(PlanState state, Finding finding, Control control)
    {
        var reasons = finding.Reasons.Select(r => r.ToCode()).ToList();
        if (EventRulePatterns.For(control.Id) is not { } rule)
        {
            return new PlannedFix(control.Id, finding.AccountId, null, reasons, "still-fails", EventRulePatterns.WhyNot(control.Id));
        }

        var account = state.Inventory.FindAccount(finding.AccountId);
        if (account is null || !account.Regions.TryGetValue(out var regions) || regions.Count == 0)
        {
            return new PlannedFix(control.Id, finding.AccountId, null, reasons, "still-fails", "the account's regions could not be read, so no region can be given a rule");
        }

        var names = regions.Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        if (HeardInUsEast1.Contains(control.Id) && !names.Contains("us-east-1"))
        {
            state.Warn($"us-east-1 is not among the regions read for account {finding.AccountId}: {control.Id} events of the root user, the global sign-in endpoint and global services (IAM, Organizations) arrive there; rerun with --region us-east-1 added");
        }

        var byHand = new List<string>();
        foreach (var region in names)
        {
            var topic = new RegionTopic(state, finding.AccountId, region, finding.Reasons[0]);
            var (topicSteps, topicArn, manual) = topic.Steps();
            state.Add(topicSteps);
            if (manual is not null)
            {
                byHand.Add(manual);
            }

            if (topicArn is not null)
            {
                state.Add(RuleSteps(state, finding.AccountId, region, control, rule, topicArn, finding.Reasons[0]));
            }
        }

        var awaiting = state.TopicsAwaitingConfirmation.Any(arn => arn.Split(':') is [_, _, _, _, var owner, _] && owner == finding.AccountId);
        var verdict = EventPatternJudge.Judge(rule.Pattern, control).Kind.ToString().ToLowerInvariant();
        return byHand.Count > 0 && !awaiting
            ? new PlannedFix(control.Id, finding.AccountId, null, reasons, "still-fails", $"by hand: {string.Join("; ", byHand.Distinct(StringComparer.Ordinal))}")
            : new PlannedFix(control.Id, finding.AccountId, null, reasons, awaiting ? "awaits-confirmation" : AfterAccepted,
                $"the rule's pattern is judged {verdict}; the EventBridge chain counts under --accept eventbridge, and without it the metric-filter chain still fails with {string.Join(", ", reasons)}");
    }

    private static List<PlanStep> RuleSteps(PlanState state, string accountId, string region, Control control, EventRuleDefinition rule, string topicArn, ReasonCode reason)
    {
        var name = Rendering.Templates.EventBridgeResources.RuleName(control.Id);
        var rules = state.Inventory.FindAccount(accountId)?.FindRegion(region)?.EventRules;
        var existing = rules is not null && rules.TryGetValue(out var list) ? list.FirstOrDefault(r => r.Name == name && r.EventBusName == EventRule.DefaultBus) : null;
        var steps = new List<PlanStep>();
        var ruleInPlace = existing is not null && existing.EventPattern.Is(p => p == rule.Pattern) && existing.State.Is(s => s == rule.State);
        if (!ruleInPlace)
        {
            steps.Add(new PutEventRule(control.Id, name, rule.Pattern, rule.StateName, $"Tocsin: {control.Id} ({control.Title}) events to topic {topicArn.Split(':')[^1]}", existing is not null)
            {
                AccountId = accountId,
                Region = region,
                Reason = reason,
            });
        }

        var target = existing is not null && existing.Targets.TryGetValue(out var targets) ? targets.FirstOrDefault(t => t.Id == TargetId) : null;
        if (!ruleInPlace || target is null || target.Arn != topicArn || !target.RoleArn.Is(role => role is null) || !target.Input.Is(input => input == EventTargetInput.MatchedEvent))
        {
            steps.Add(new PutEventTarget(name, TargetId, topicArn, target is not null) { AccountId = accountId, Region = region, Reason = reason });
        }

        return steps;
    }
}
