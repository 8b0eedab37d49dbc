using Tocsin.Core.Controls;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Rendering.Templates;

/// <summary>The filter and alarm a control deploys: the plan's own values where it has them (its variant and namespace), the catalog's otherwise.</summary>
internal sealed record ControlChain(string ControlId, string Title, string FilterName, string Pattern, string MetricName, string MetricNamespace, string AlarmName);

/// <summary>
/// The controls an organization-wide template covers: those the plan fixes, or every catalog control when the plan
/// fixes none (a template to deploy the whole chain across an organization is still wanted then).
/// </summary>
internal static class PlannedControls
{
    public static IReadOnlyList<ControlChain> Of(RemediationPlan plan, IReadOnlyList<Control>? catalog = null)
    {
        catalog ??= ControlCatalog.Default.All;
        var planned = plan.Fixes.Select(f => f.ControlId)
            .Concat(plan.Steps.OfType<PutMetricFilter>().Select(f => f.ControlId))
            .Concat(plan.Steps.OfType<PutAlarm>().Select(a => a.ControlId))
            .ToHashSet(StringComparer.Ordinal);
        var controls = planned.Count == 0 ? catalog : [.. catalog.Where(c => planned.Contains(c.Id))];
        return [.. controls.Select(c => ChainOf(plan, c))];
    }

    private static ControlChain ChainOf(RemediationPlan plan, Control control)
    {
        var defaults = control.Remediation;
        var alarm = plan.Steps.OfType<PutAlarm>().FirstOrDefault(a => a.ControlId == control.Id && !a.Exists)?.Settings.AlarmName ?? defaults.AlarmName;
        return plan.Steps.OfType<PutMetricFilter>().FirstOrDefault(f => f.ControlId == control.Id) is { } filter
            ? new ControlChain(control.Id, control.Title, filter.FilterName, filter.Pattern, filter.MetricName, filter.MetricNamespace, alarm)
            : new ControlChain(control.Id, control.Title, defaults.FilterName, defaults.Pattern, defaults.MetricName, plan.Options.Namespace ?? defaults.MetricNamespace, alarm);
    }
}
