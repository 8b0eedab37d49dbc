using System.Collections.Concurrent;
using Tocsin.Aws.Clients;
using Tocsin.Aws.Http;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Collection;

/// <summary>
/// Follows trails' log groups in one account, one log group at a time: its metric filters, then (once the region has
/// a filter) the region's alarms, then every SNS topic an alarm on the filters' metrics notifies. Each call is made
/// once however many trails lead to it, so following the log groups one by one costs what following them all at once
/// does. Topics go to the run's, keyed by the account and region in their ARN, since an alarm may notify a topic of
/// another account.
/// </summary>
internal sealed class ChainReader(AwsSession session, string accountId, CollectRun run)
{
    private readonly LogsClient _logs = new(session);
    private readonly CloudWatchClient _cloudWatch = new(session);
    private readonly SnsClient _sns = new(session);
    private readonly KeyPolicyReader _keys = new(new KmsClient(session));
    private readonly ConcurrentDictionary<(string Region, string Name), Lazy<Task<(Observed<IReadOnlyList<MetricFilter>> Value, bool Missing)>>> _filters = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<Observed<IReadOnlyList<Alarm>>>>> _alarms = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _topicArns = new(StringComparer.Ordinal);

    /// <summary>The topics the alarms followed so far notify.</summary>
    public IEnumerable<string> TopicArns => _topicArns.Keys;

    /// <summary>Reads the chain behind the log group <paramref name="name"/> in <paramref name="region"/>.</summary>
    public async Task FollowAsync(string region, string name, CancellationToken cancellationToken)
    {
        var (read, _) = await _filters.GetOrAdd((region, name), key => new(
            () => Observe.CallOrMissingAsync(() => _logs.DescribeMetricFiltersAsync(key.Region, key.Name, cancellationToken)))).Value;
        if (!read.TryGetValue(out var filters) || filters.Count == 0)
        {
            return;
        }

        var alarms = await _alarms.GetOrAdd(region, key => new(
            () => Observe.CallAsync(() => _cloudWatch.DescribeAlarmsAsync(key, cancellationToken)))).Value;
        if (alarms.TryGetValue(out var known))
        {
            var metrics = filters.SelectMany(f => f.Transformations.TryGetValue(out var t) ? t : []).Select(t => t.MetricName).ToHashSet(StringComparer.Ordinal);
            var topicArns = known.Where(alarm => Watches(alarm, metrics))
                .SelectMany(alarm => alarm.AlarmActions.TryGetValue(out var actions) ? actions : [])
                .Where(action => TopicKey.Of(action) is not null)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            topicArns.ForEach(arn => _topicArns.TryAdd(arn, 0));
            await Task.WhenAll(topicArns.Select(arn => ReadTopicAsync(arn, cancellationToken)));
        }
    }

    /// <summary>Reads topics something other than an alarm notifies (the SNS targets of EventBridge rules).</summary>
    public Task ReadTopicsAsync(IEnumerable<string> topicArns, CancellationToken cancellationToken)
    {
        var arns = topicArns.Where(arn => TopicKey.Of(arn) is not null).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        arns.ForEach(arn => _topicArns.TryAdd(arn, 0));
        return Task.WhenAll(arns.Select(arn => ReadTopicAsync(arn, cancellationToken)));
    }

    /// <summary>What was read in each region so far: the log groups found, their filters, the alarms.</summary>
    public IReadOnlyDictionary<string, RegionChain> Chains() =>
        _filters.Where(entry => entry.Value.Value.IsCompletedSuccessfully)
            .Select(entry => (entry.Key.Region, entry.Key.Name, Read: entry.Value.Value.Result))
            .GroupBy(entry => entry.Region, StringComparer.Ordinal)
            .ToDictionary(region => region.Key, region => Chain(region.Key, [.. region.OrderBy(entry => entry.Name, StringComparer.Ordinal).Select(entry => (entry.Name, entry.Read))]), StringComparer.Ordinal);

    private RegionChain Chain(string region, IReadOnlyList<(string Name, (Observed<IReadOnlyList<MetricFilter>> Value, bool Missing) Read)> read)
    {
        var groups = read.Where(entry => !entry.Read.Missing && entry.Read.Value.IsKnown)
            .Select(entry => new LogGroup($"arn:{AwsPartition.Of(region).Name}:logs:{region}:{accountId}:log-group:{entry.Name}", entry.Name))
            .ToList();
        var unknown = read.Where(entry => !entry.Read.Missing).Select(entry => entry.Read.Value).FirstOrDefault(value => !value.IsKnown)?.Unknown;
        var filters = read.Where(entry => entry.Read.Value.IsKnown).SelectMany(entry => entry.Read.Value.Value).ToList();
        var metricFilters = unknown is null ? Observed.Known<IReadOnlyList<MetricFilter>>(filters) : Observed<IReadOnlyList<MetricFilter>>.NotKnown(unknown);
        var alarms = _alarms.TryGetValue(region, out var call) && call.Value.IsCompletedSuccessfully
            ? call.Value.Result
            : Observed.Unknown<IReadOnlyList<Alarm>>(UnknownReason.NotCollected, $"no metric filter on the trails' log groups in {region}");
        return new RegionChain(groups, metricFilters, alarms);
    }

    /// <summary>An alarm on one of the filters' metric names, in any namespace (the evaluator judges near misses too), or a metric-math alarm using one.</summary>
    private static bool Watches(Alarm alarm, HashSet<string> metricNames) =>
        alarm.MetricName.Is(name => name is not null && metricNames.Contains(name))
        || alarm.Metrics.Is(queries => queries.Any(q => q.MetricStat is { } stat && metricNames.Contains(stat.MetricName)));

    private async Task ReadTopicAsync(string arn, CancellationToken cancellationToken)
    {
        var key = TopicKey.Of(arn)!.Value;
        var place = run.TopicsIn(key);
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
