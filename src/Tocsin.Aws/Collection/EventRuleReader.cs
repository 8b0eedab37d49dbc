using System.Collections.Concurrent;
using Tocsin.Aws.Clients;
using Tocsin.Aws.Http;
using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Collection;

/// <summary>
/// Reads one account's EventBridge rules on the default bus of each region it is asked about (ListRules, then
/// ListTargetsByRule for each rule with an event pattern), and every role of this account a target delivers as. Each
/// region and each role is read once. A failed call leaves what it would have told unknown with the reason.
/// </summary>
internal sealed class EventRuleReader(AwsSession session, string accountId)
{
    private static readonly Unknown ScheduledOnly = new(UnknownReason.NotCollected, "a rule with no event pattern runs on a schedule and hears no sign-in; its targets were not read");

    private readonly EventsClient _events = new(session);
    private readonly RoleReader _roles = new(new IamClient(session));
    private readonly ConcurrentDictionary<string, Lazy<Task<Observed<IReadOnlyList<EventRule>>>>> _regions = new(StringComparer.Ordinal);

    /// <summary>Reads the rules of <paramref name="region"/> and the roles their targets deliver as.</summary>
    public Task<Observed<IReadOnlyList<EventRule>>> ReadAsync(string region, CancellationToken cancellationToken) =>
        _regions.GetOrAdd(region, name => new(() => ReadRegionAsync(name, cancellationToken))).Value;

    /// <summary>The rules read in <paramref name="region"/>, or null when it was not read (or not yet completely).</summary>
    public Observed<IReadOnlyList<EventRule>>? RulesIn(string region) =>
        _regions.TryGetValue(region, out var call) && call.Value.IsCompletedSuccessfully ? call.Value.Result : null;

    /// <summary>Every role read, in ARN order.</summary>
    public IReadOnlyList<IamRole> Roles => _roles.Read;

    private async Task<Observed<IReadOnlyList<EventRule>>> ReadRegionAsync(string region, CancellationToken cancellationToken)
    {
        var listed = await Observe.CallAsync(() => _events.ListRulesAsync(region, cancellationToken));
        if (!listed.TryGetValue(out var descriptions))
        {
            return Observed<IReadOnlyList<EventRule>>.NotKnown(listed.Unknown!);
        }

        var rules = await Task.WhenAll(descriptions.Select(rule => ReadRuleAsync(region, rule, cancellationToken)));
        var roleArns = rules.SelectMany(rule => rule.Targets.TryGetValue(out var targets) ? targets : [])
            .Select(target => target.RoleArn.TryGetValue(out var arn) ? arn : null)
            .OfType<string>()
            .Where(arn => RoleReader.AccountOf(arn) == accountId)
            .Distinct(StringComparer.Ordinal);
        await Task.WhenAll(roleArns.Select(arn => _roles.ReadAsync(arn, cancellationToken)));
        return Observed.Known<IReadOnlyList<EventRule>>([.. rules.OrderBy(rule => rule.Arn, StringComparer.Ordinal)]);
    }

    private async Task<EventRule> ReadRuleAsync(string region, RuleDescription rule, CancellationToken cancellationToken)
    {
        var targets = rule.EventPattern is null
            ? Observed<IReadOnlyList<EventTarget>>.NotKnown(ScheduledOnly)
            : await Observe.CallAsync(() => _events.ListTargetsByRuleAsync(region, rule.Name, cancellationToken));
        return new EventRule(
            rule.Name,
            rule.Arn,
            rule.EventBusName,
            StateOf(rule.State),
            Observed.Known(rule.EventPattern),
            Observed.Known(rule.ScheduleExpression),
            Observed.Known(rule.ManagedBy),
            targets,
            Source.FromArn(rule.Arn));
    }

    /// <summary>A state this version of Tocsin does not know is unknown, never read as enabled or disabled.</summary>
    private static Observed<EventRuleState> StateOf(string? state) => state switch
    {
        "ENABLED" => EventRuleState.Enabled,
        "DISABLED" => EventRuleState.Disabled,
        "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS" => EventRuleState.EnabledWithAllCloudTrailManagementEvents,
        _ => Observed.Unknown<EventRuleState>(UnknownReason.Unavailable, $"EventBridge reported the rule state '{state}', which Tocsin does not know"),
    };
}
