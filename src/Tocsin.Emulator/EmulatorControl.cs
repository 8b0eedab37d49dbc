using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
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

    /// <summary>Refuses an IAM action (<c>cloudwatch:PutMetricAlarm</c>) with AccessDenied, in every account, until <see cref="Allow"/>.</summary>
    public void Deny(string action) => _state.DeniedActions[action] = true;

    public void Allow(string action) => _state.DeniedActions.TryRemove(action, out _);

    /// <summary>
    /// Every resource the emulator holds, by a key naming its kind, account, region and name
    /// (<c>111111111111/us-east-1/alarm/NAME</c>, <c>111111111111/us-east-1/event-rule/NAME</c>, <c>111111111111/iam-role/NAME</c>, <c>s3-bucket/NAME</c>), each with its
    /// whole state as JSON: two readings differ exactly where something was created, changed or deleted. Access keys are
    /// left out (a scan's AssumeRole makes new ones, and they are secrets).
    /// </summary>
    public IReadOnlyDictionary<string, string> Resources()
    {
        var resources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        lock (_state.Gate)
        {
            foreach (var account in _state.Accounts.Values)
            {
                resources[$"{account.Id}/account"] = Json(new AccountMembership(account.IsOrganizationMember, account.Tags), ResourceJson.Default.AccountMembership);
                foreach (var role in account.Roles.Values)
                {
                    resources[$"{account.Id}/iam-role/{role.Name}"] = Json(role, ResourceJson.Default.Role);
                }

                foreach (var region in account.Regions)
                {
                    var at = $"{account.Id}/{region.Region}";
                    Add(resources, $"{at}/trail", region.Trails, ResourceJson.Default.Trail);
                    Add(resources, $"{at}/log-group", region.LogGroups, ResourceJson.Default.LogGroup);
                    Add(resources, $"{at}/alarm", region.Alarms, ResourceJson.Default.Alarm);
                    Add(resources, $"{at}/topic", region.Topics, ResourceJson.Default.Topic);
                    Add(resources, $"{at}/event-rule", region.EventRules, ResourceJson.Default.EventRule);
                    Add(resources, $"{at}/kms-key", region.Keys, ResourceJson.Default.KmsKey);
                    Add(resources, $"{at}/kms-alias", region.Aliases, ResourceJson.Default.String);
                }
            }

            Add(resources, "s3-bucket", _state.Buckets, ResourceJson.Default.Bucket);
            resources["organization"] = Json(_state.Organization, ResourceJson.Default.Organization);
        }

        return resources;
    }

    private static void Add<T>(SortedDictionary<string, string> resources, string prefix, IEnumerable<KeyValuePair<string, T>> items, JsonTypeInfo<T> json)
    {
        foreach (var (name, item) in items)
        {
            resources[$"{prefix}/{name}"] = Json(item, json);
        }
    }

    private static string Json<T>(T value, JsonTypeInfo<T> json) => JsonSerializer.Serialize(value, json);

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
