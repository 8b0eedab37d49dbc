using System.Diagnostics;
using Tocsin.Aws.Clients;
using Tocsin.Aws.Credentials;
using Tocsin.Aws.Http;
using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Collection;

/// <summary>
/// Reads live AWS (or anything that speaks its protocols) into the one <see cref="CloudInventory"/> the evaluator
/// reads. Accounts are read at most <see cref="CollectRequest.Concurrency"/> at a time and calls are bounded by
/// the same number across all of them; a failed call makes the values it would have told unknown, with the
/// reason, and never stops other accounts or regions.
/// </summary>
public sealed class Collector(CollectorOptions? options = null)
{
    private const int AccountsPerCallSlot = 4;

    private readonly CollectorOptions _options = options ?? new CollectorOptions();

    /// <exception cref="CollectionException">The starting credentials do not work, or the organization cannot be listed.</exception>
    /// <exception cref="AwsConfigurationException">A profile or endpoint setting is wrong.</exception>
    public async Task<CollectResult> CollectAsync(CollectRequest request, IProgress<CollectProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (request.Concurrency < 1)
        {
            throw new ArgumentException($"The concurrency must be at least 1, not {request.Concurrency}.", nameof(request));
        }

        var started = _options.Clock.GetTimestamp();
        var environment = _options.Environment ?? Environment.GetEnvironmentVariable;
        var retry = new RetryOptions(_options.Retry, request.Concurrency, _options.Delay, _options.Random, _options.Clock);
        using var transport = new AwsTransport(new AwsEndpoints(request.EndpointUrl, environment), retry, _options.Handler, _options.CallLog);

        var (credentials, region) = StartingCredentials(request, environment);
        var callerStatistics = new CallStatistics();
        var identity = await CallerAsync(new AwsSession(transport, credentials, "caller", callerStatistics), region, cancellationToken);
        var caller = new AwsSession(transport, credentials, identity.Account, callerStatistics);
        var run = new CollectRun(request, transport, caller, region);
        run.Adopt(identity.Account, callerStatistics);

        var plan = await AccountPlan.MakeAsync(request, caller, identity, region, cancellationToken);
        var total = plan.Accounts.Count + plan.Unreadable.Count;
        var done = plan.Unreadable.Count;
        progress?.Report(Progress(run, done, total, null));

        var accounts = new System.Collections.Concurrent.ConcurrentBag<Account>(plan.Unreadable);
        // An account's calls mostly run one after another, so more accounts than call slots are kept in progress to
        // keep every slot busy; the slots themselves (RetryOptions.Concurrency) bound the load on AWS.
        var accountsAtOnce = request.Concurrency * AccountsPerCallSlot;
        await Parallel.ForEachAsync(plan.Accounts, new ParallelOptions { MaxDegreeOfParallelism = accountsAtOnce, CancellationToken = cancellationToken }, async (target, token) =>
        {
            accounts.Add(await CollectAccountAsync(run, target, token));
            progress?.Report(Progress(run, Interlocked.Increment(ref done), total, target.Id));
        });

        var linked = await LinkedOwnersAsync(run, plan, accounts, cancellationToken);
        var covered = WithTopics(accounts, run).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var inventory = new CloudInventory(plan.Organization, covered, _options.Clock.GetUtcNow())
        {
            LinkedAccounts = [.. WithTopics(linked, run).Concat(TopicAccounts(run, plan, [.. accounts, .. linked])).OrderBy(a => a.Id, StringComparer.Ordinal)],
        };
        return new CollectResult(inventory, Summary(run, identity, request, _options.Clock.GetElapsedTime(started)));
    }

    private static async Task<Account> CollectAccountAsync(CollectRun run, AccountToRead target, CancellationToken cancellationToken)
    {
        try
        {
            return await new AccountCollector(run, target).CollectAsync(cancellationToken);
        }
        catch (Exception problem) when (problem is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A reply no model foresaw must not end the scan of the other accounts.
            return new Account(target.Id, target.Name, Observed.Unknown<IReadOnlyList<Region>>(UnknownReason.Unavailable, $"reading the account failed: {problem.Message}"));
        }
    }

    /// <summary>
    /// The owners of the organization trails the read accounts inherit, when the scan was narrowed away from them:
    /// a member's outcome is its owner's chain, so a shard judges it as a scan of the whole organization would.
    /// </summary>
    private static async Task<IReadOnlyList<Account>> LinkedOwnersAsync(CollectRun run, AccountPlan plan, IEnumerable<Account> read, CancellationToken cancellationToken)
    {
        var readIds = read.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var owners = read
            .Where(account => account.Regions.IsKnown)
            .SelectMany(account => account.Regions.Value
                .Where(region => region.Trails.IsKnown)
                .SelectMany(region => region.Trails.Value)
                .Where(trail => !trail.IsOrganizationTrail.Is(organization => !organization))
                .Select(trail => trail.OwnerAccountId.TryGetValue(out var owner) ? owner : null)
                .Where(owner => owner is not null && owner != account.Id))
            .Distinct(StringComparer.Ordinal)
            .Where(owner => !readIds.Contains(owner!) && plan.NarrowedOut.ContainsKey(owner!))
            .Order(StringComparer.Ordinal)
            .ToList();
        return await Task.WhenAll(owners.Select(owner => CollectAccountAsync(run, plan.NarrowedOut[owner!], cancellationToken)));
    }

    /// <summary>
    /// The topics an alarm of a read account notifies in an account the scan was narrowed away from, each in an
    /// account of its own that holds only them.
    /// </summary>
    private static IEnumerable<Account> TopicAccounts(CollectRun run, AccountPlan plan, IReadOnlyList<Account> read)
    {
        var readIds = read.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var notRead = new Unknown(UnknownReason.NotCollected, "this account was read only for the topics alarms of the scanned accounts notify");
        return run.Topics
            .Where(entry => !readIds.Contains(entry.Key.AccountId) && plan.NarrowedOut.ContainsKey(entry.Key.AccountId))
            .GroupBy(entry => entry.Key.AccountId, StringComparer.Ordinal)
            .Select(topicsByRegion => new Account(
                topicsByRegion.Key,
                plan.NarrowedOut[topicsByRegion.Key].Name,
                Observed.Known<IReadOnlyList<Region>>([.. topicsByRegion.OrderBy(entry => entry.Key.Region, StringComparer.Ordinal).Select(entry => new Region(
                    entry.Key.Region,
                    Observed<IReadOnlyList<Trail>>.NotKnown(notRead),
                    Observed<IReadOnlyList<LogGroup>>.NotKnown(notRead),
                    Observed<IReadOnlyList<MetricFilter>>.NotKnown(notRead),
                    Observed<IReadOnlyList<Alarm>>.NotKnown(notRead),
                    Observed.Known<IReadOnlyList<Topic>>([.. entry.Value.Values.OrderBy(t => t.Arn, StringComparer.Ordinal)])))])));
    }

    internal static (Amazon.Runtime.AWSCredentials Credentials, string Region) StartingCredentials(CollectRequest request, Func<string, string?> environment)
    {
        if (request.StartingCredentials is { } given)
        {
            return (given, AwsCredentialSource.RegionFor(request.Credentials.Region, environment, null));
        }

        var resolved = AwsCredentialSource.Resolve(request.Credentials, environment);
        return (resolved.Credentials, resolved.Region);
    }

    internal static async Task<CallerIdentity> CallerAsync(AwsSession session, string region, CancellationToken cancellationToken)
    {
        try
        {
            return await new StsClient(session).GetCallerIdentityAsync(region, cancellationToken);
        }
        catch (AwsServiceException problem) when (problem.Kind is AwsErrorKind.Transient or AwsErrorKind.Throttled)
        {
            throw new CollectionException($"AWS could not be reached: sts:GetCallerIdentity failed with {problem.Code} ({problem.AwsMessage}).", problem);
        }
        catch (AwsServiceException problem)
        {
            throw new CollectionException($"The starting credentials do not work: sts:GetCallerIdentity answered {problem.Code} ({problem.AwsMessage}).", problem);
        }
        catch (Protocols.AwsProtocolException problem)
        {
            throw new CollectionException($"AWS could not be reached: {problem.Message.TrimEnd('.')}.", problem);
        }
        catch (Amazon.Runtime.AmazonClientException problem)
        {
            throw new CollectionException($"The starting credentials cannot be resolved: {problem.Message}", problem);
        }
    }

    /// <summary>Puts each topic read into the account and region of its ARN, when that account and region were read.</summary>
    private static IEnumerable<Account> WithTopics(IEnumerable<Account> accounts, CollectRun run) =>
        accounts.Select(account => !account.Regions.TryGetValue(out var regions) ? account : account with
        {
            Regions = Observed.Known<IReadOnlyList<Region>>([.. regions.Select(region =>
                run.Topics.TryGetValue(new TopicKey(account.Id, region.Name), out var topics)
                    ? region with { Topics = Observed.Known<IReadOnlyList<Topic>>([.. topics.Values.OrderBy(t => t.Arn, StringComparer.Ordinal)]) }
                    : region)]),
        });

    private static CollectProgress Progress(CollectRun run, int done, int total, string? account)
    {
        var all = run.Statistics.Values.ToList();
        return new CollectProgress(done, total, all.Sum(s => s.Calls), all.Sum(s => s.Throttles), all.Sum(s => s.Retries), account);
    }

    private static CollectSummary Summary(CollectRun run, CallerIdentity identity, CollectRequest request, TimeSpan duration)
    {
        var accounts = run.Statistics
            .OrderBy(entry => entry.Key, StringComparer.Ordinal)
            .Select(entry => new AccountCalls(entry.Key, entry.Value.Calls, entry.Value.Attempts, entry.Value.Throttles, entry.Value.Retries, entry.Value.Failures, entry.Value.ByAction))
            .ToList();
        return new CollectSummary(
            identity.Arn,
            accounts.Sum(a => a.Calls),
            accounts.Sum(a => a.Attempts),
            accounts.Sum(a => a.Throttles),
            accounts.Sum(a => a.Retries),
            accounts.Sum(a => a.Failures),
            duration,
            request.Concurrency,
            run.Transport.Retry.Budget.Tokens,
            accounts);
    }
}
