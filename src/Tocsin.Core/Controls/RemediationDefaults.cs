namespace Tocsin.Core.Controls;

/// <summary>
/// Names and pattern used when Tocsin creates the missing links for this control; users may override them.
/// </summary>
/// <param name="FilterName">Metric filter name.</param>
/// <param name="MetricName">Metric name the filter emits and the alarm watches.</param>
/// <param name="MetricNamespace">Metric namespace; <c>CISBenchmark</c> for every catalog control, as CIS suggests.</param>
/// <param name="AlarmName">CloudWatch alarm name.</param>
/// <param name="Pattern">The filter pattern to deploy: one of the control's reference patterns or accepted variants.</param>
public sealed record RemediationDefaults(
    string FilterName,
    string MetricName,
    string MetricNamespace,
    string AlarmName,
    string Pattern);
