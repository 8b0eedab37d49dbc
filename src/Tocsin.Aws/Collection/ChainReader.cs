using System.Collections.Concurrent;
using Tocsin.Aws.Clients;
using Tocsin.Aws.Http;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Collection;

/// <summary>
/// Follows the trails' log groups in one account: the metric filters on each log group, then (in a region that has
/// any) the alarms, then every SNS topic an alarm on a filter's metric notifies. Each step is one call per thing
/// (plus pages), never twice. Topics go to <paramref name="topics"/>, keyed by the account and region in their ARN,
/// since an alarm may notify a topic of another account.
/// </summary>
internal sealed class ChainReader(AwsSession session, ConcurrentDictionary<TopicKey, ConcurrentDictionary<string, Topic>> topics)
{
    private readonly LogsClient _logs = new(session);
    private readonly CloudWatchClient _cloudWatch = new(session);
    private readonly SnsClient _sns = new(session);
    private readonly KeyPolicyReader _keys = new(new KmsClient(session));

    /// <summary>Reads the chain behind <paramref name="logGroups"/> (region, name), one task per region.</summary>
    public async Task<IReadOnlyDictionary<string, RegionChain>> ReadAsync(string accountId, IEnumerable<(string Region, string Name)> logGroups, CancellationToken cancellationToken)
    {
        var byRegion = logGroups.Distinct().GroupBy(group => group.Region, StringComparer.Ordinal);
        var chains = await Task.WhenAll(byRegion.Select(async region =>
            (region.Key, await ReadRegionAsync(accountId, region.Key, [.. region.Select(g => g.Name).Order(StringComparer.Ordinal)], cancellationToken))));
        return chains.ToDictionary(c => c.Key, c => c.Item2, StringComparer.Ordinal);
    }

    private async Task<RegionChain> ReadRegionAsync(string accountId, string region, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var read = await Task.WhenAll(names.Select(name => Observe.CallOrMissingAsync(() => _logs.DescribeMetricFiltersAsync(region, name, cancellationToken))));
        var found = names.Zip(read).Where(pair => !pair.Second.Missing && pair.Second.Value.IsKnown).Select(pair => pair.First).ToList();
        var groups = found.Select(name => new LogGroup($"arn:{AwsPartition.Of(region).Name}:logs:{region}:{accountId}:log-group:{name}", name)).ToList();
        var unknown = read.Where(r => !r.Missing).Select(r => r.Value).FirstOrDefault(v => !v.IsKnown)?.Unknown;
        var filters = read.Where(r => r.Value.IsKnown).SelectMany(r => r.Value.Value).ToList();
        var metricFilters = unknown is null ? Observed.Known<IReadOnlyList<MetricFilter>>(filters) : Observed<IReadOnlyList<MetricFilter>>.NotKnown(unknown);

        if (filters.Count == 0)
        {
            return new RegionChain(groups, metricFilters, Observed.Unknown<IReadOnlyList<Alarm>>(UnknownReason.NotCollected, $"no metric filter on the trails' log groups in {region}"));
        }

        var alarms = await Observe.CallAsync(() => _cloudWatch.DescribeAlarmsAsync(region, cancellationToken));
        if (alarms.TryGetValue(out var known))
        {
            var metrics = filters.SelectMany(f => f.Transformations.TryGetValue(out var t) ? t : []).Select(t => t.MetricName).ToHashSet(StringComparer.Ordinal);
            var topicArns = known.Where(alarm => Watches(alarm, metrics))
                .SelectMany(alarm => alarm.AlarmActions.TryGetValue(out var actions) ? actions : [])
                .Where(action => TopicKey.Of(action) is not null)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal);
            await Task.WhenAll(topicArns.Select(arn => ReadTopicAsync(arn, cancellationToken)));
        }

        return new RegionChain(groups, metricFilters, alarms);
    }

    /// <summary>An alarm on one of the filters' metric names, in any namespace (the evaluator judges near misses too), or a metric-math alarm using one.</summary>
    private static bool Watches(Alarm alarm, HashSet<string> metricNames) =>
        alarm.MetricName.Is(name => name is not null && metricNames.Contains(name))
        || alarm.Metrics.Is(queries => queries.Any(q => q.MetricStat is { } stat && metricNames.Contains(stat.MetricName)));

    private async Task ReadTopicAsync(string arn, CancellationToken cancellationToken)
    {
        var key = TopicKey.Of(arn)!.Value;
        var place = topics.GetOrAdd(key, _ => new ConcurrentDictionary<string, Topic>(StringComparer.Ordinal));
        if (place.ContainsKey(arn))
        {
            return;
        }

        var attributesTask = Observe.CallOrMissingAsync(() => _sns.GetTopicAttributesAsync(key.Region, arn, cancellationToken));
        var subscriptionsTask = Observe.CallOrMissingAsync(() => _sns.ListSubscriptionsByTopicAsync(key.Region, arn, cancellationToken));
        var (attributes, missing) = await attributesTask;
        var (subscriptions, _) = await subscriptionsTask;
        if (missing)
        {
            // The topic does not exist: the evaluator reports topic-missing when it finds no topic under this ARN.
            return;
        }

        var keyId = attributes.Select(a => a.KmsMasterKeyId);
        var topic = new Topic(arn, attributes.Select(a => a.Policy), keyId, subscriptions, Source.FromArn(arn));
        // The AWS managed key is judged by name (CloudWatch cannot use it), so its policy is not read.
        if (keyId.TryGetValue(out var encryptedWith) && encryptedWith is not null && !TopicKeys.IsAwsManagedSnsKey(encryptedWith))
        {
            topic = topic with { KeyPolicy = await _keys.ReadAsync(key.Region, encryptedWith, cancellationToken) };
        }

        place.TryAdd(arn, topic);
    }
}
