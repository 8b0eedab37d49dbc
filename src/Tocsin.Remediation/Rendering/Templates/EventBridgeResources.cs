using Tocsin.Core.Controls;
using Tocsin.Remediation.EventBridge;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Rendering.Templates;

/// <summary>
/// The EventBridge rules an organization-wide rendering covers: those the plan puts, or when it puts none (every
/// finding passes), the rule of every catalog control Tocsin has one for, so the rendering still deploys the chain.
/// </summary>
internal static class EventBridgeResources
{
    /// <summary>The controls whose rules the rendering carries, with each rule's name and definition.</summary>
    public static IReadOnlyList<(Control Control, string RuleName, EventRuleDefinition Rule)> Controls(RemediationPlan plan)
    {
        var planned = plan.Steps.OfType<PutEventRule>().Select(r => r.ControlId)
            .Concat(plan.Fixes.Select(f => f.ControlId))
            .Where(id => EventRulePatterns.For(id) is not null)
            .ToHashSet(StringComparer.Ordinal);
        var controls = ControlCatalog.Default.All.Where(c => EventRulePatterns.For(c.Id) is not null && (planned.Count == 0 || planned.Contains(c.Id)));
        return [.. controls.Select(c => (c, RuleName(c.Id), EventRulePatterns.For(c.Id)!))];
    }

    /// <summary>The names of the rules to protect.</summary>
    public static IReadOnlyList<string> Rules(RemediationPlan plan)
    {
        var put = plan.Steps.OfType<PutEventRule>().Select(r => r.RuleName).Concat(plan.Steps.OfType<PutEventTarget>().Select(t => t.RuleName)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return put.Count > 0 ? put : [.. Controls(plan).Select(c => c.RuleName)];
    }

    public static string RuleName(string controlId) => $"tocsin-{controlId}";
}
