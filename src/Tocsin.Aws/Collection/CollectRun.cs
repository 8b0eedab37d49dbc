using System.Collections.Concurrent;
using Amazon.Runtime;
using Tocsin.Aws.Http;
using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Collection;

/// <summary>What every account of one collection shares: the transport, the caller, the counters and the topics found.</summary>
internal sealed class CollectRun(CollectRequest request, AwsTransport transport, AwsSession callerSession, string startRegion, CallStatistics totals)
{
    private readonly ConcurrentDictionary<string, CallStatistics> _statistics = new(StringComparer.Ordinal);

    public CollectRequest Request { get; } = request;

    public AwsTransport Transport { get; } = transport;

    public AwsSession CallerSession { get; } = callerSession;

    public AWSCredentials CallerCredentials => CallerSession.Credentials;

    public string StartRegion { get; } = startRegion;

    /// <summary>Topics read, by the account and region of their ARN.</summary>
    public ConcurrentDictionary<TopicKey, ConcurrentDictionary<string, Topic>> Topics { get; } = new();

    /// <summary>Every region a topic was read in, of any account: a handful, so an account's topics are found by lookups.</summary>
    public ConcurrentDictionary<string, byte> TopicRegions { get; } = new(StringComparer.Ordinal);

    /// <summary>Where the topics read under <paramref name="key"/> go.</summary>
    public ConcurrentDictionary<string, Topic> TopicsIn(TopicKey key)
    {
        TopicRegions.TryAdd(key.Region, 0);
        return Topics.GetOrAdd(key, _ => new ConcurrentDictionary<string, Topic>(StringComparer.Ordinal));
    }

    public IReadOnlyDictionary<string, CallStatistics> Statistics => _statistics;

    /// <summary>Every account's calls together, counted as they happen (progress reads them after each account).</summary>
    public CallStatistics Totals { get; } = totals;

    public CallStatistics StatisticsFor(string accountId) => _statistics.GetOrAdd(accountId, _ => new CallStatistics(Totals));

    /// <summary>Counts <paramref name="statistics"/> (made with <see cref="Totals"/> as its total) as the account's.</summary>
    public void Adopt(string accountId, CallStatistics statistics) => _statistics.TryAdd(accountId, statistics);
}
