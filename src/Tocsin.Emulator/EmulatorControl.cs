using Tocsin.Emulator.State;

namespace Tocsin.Emulator;

/// <summary>A subscription waiting for its endpoint's owner to confirm it, with the token AWS would have sent.</summary>
public sealed record PendingSubscription(string SubscriptionArn, string TopicArn, string Protocol, string Endpoint, string Token);

/// <summary>
/// Emulator-only controls that stand in for what happens outside AWS: the recipient of a confirmation e-mail
/// clicking its link. Also served over HTTP under <c>/_tocsin/</c> (see <see cref="ControlEndpoints"/>).
/// </summary>
public sealed class EmulatorControl
{
    private readonly EmulatorState _state;

    internal EmulatorControl(EmulatorState state) => _state = state;

    public IReadOnlyList<PendingSubscription> PendingSubscriptions()
    {
        lock (_state.Gate)
        {
            return [.. AllSubscriptions().Where(s => !s.Confirmed).Select(s => new PendingSubscription(s.Arn, s.TopicArn, s.Protocol, s.Endpoint, s.Token))];
        }
    }

    /// <summary>Confirms a subscription by its ARN, or every pending subscription of a topic by the topic's ARN; returns how many.</summary>
    public int Confirm(string subscriptionOrTopicArn)
    {
        lock (_state.Gate)
        {
            var confirmed = 0;
            foreach (var subscription in AllSubscriptions().Where(s => !s.Confirmed && (s.Arn == subscriptionOrTopicArn || s.TopicArn == subscriptionOrTopicArn)))
            {
                subscription.Confirmed = true;
                confirmed++;
            }

            return confirmed;
        }
    }

    private IEnumerable<Subscription> AllSubscriptions() =>
        _state.Accounts.Values.SelectMany(account => account.Regions).SelectMany(region => region.Topics.Values).SelectMany(topic => topic.Subscriptions);
}
