namespace Tocsin.Remediation.Apply;

/// <summary>How a plan is applied.</summary>
/// <param name="Force">Overwrite a same-named resource the plan did not see (a metric filter, an alarm, a role policy, a trail).</param>
/// <param name="Delay">How a wait for IAM propagation is spent; <see cref="Task.Delay(TimeSpan, CancellationToken)"/> when null (tests pass one that does not sleep).</param>
/// <param name="PropagationWaits">The waits before each retry of a trail write that CloudTrail refuses while a new delivery role propagates.</param>
public sealed record ApplyOptions(bool Force = false, Func<TimeSpan, CancellationToken, Task>? Delay = null, IReadOnlyList<TimeSpan>? PropagationWaits = null)
{
    /// <summary>About a minute in all: IAM changes usually reach CloudTrail within seconds.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultPropagationWaits =
        [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(30)];

    public IReadOnlyList<TimeSpan> Waits => PropagationWaits ?? DefaultPropagationWaits;

    public Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken) =>
        (Delay ?? Task.Delay)(wait, cancellationToken);
}
