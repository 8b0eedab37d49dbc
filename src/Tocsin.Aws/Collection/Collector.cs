using System.Collections.Concurrent;
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
        var totals = new CallStatistics();
        var callerStatistics = new CallStatistics(totals);
        var identity = await CallerAsync(new AwsSession(transport, credentials, "caller", callerStatistics), region, cancellationToken);
        var caller = new AwsSession(transport, credentials, identity.Account, callerStatistics);
        var run = new CollectRun(request, transport, caller, region, totals);
        run.Adopt(identity.Account, callerStatistics);

        var plan = await AccountPlan.MakeAsync(request, caller, identity, region, cancellationToken);
        var total = plan.Accounts.Count + plan.Unreadable.Count;
        var done = plan.Unreadable.Count;
        progress?.Report(Progress(run, done, total, null));

        var readers = new ConcurrentDictionary<string, AccountCollector>(StringComparer.Ordinal);
        var proof = request.Evidence == EvidenceScope.Minimal ? new PassProof(request.Controls, request.Judging) : null;
        // An account's calls mostly run one after another, so more accounts than call slots are kept in progress to
        // keep every slot busy; the slots themselves (RetryOptions.Concurrency) bound the load on AWS.
        var accountsAtOnce = request.Concurrency * AccountsPerCallSlot;
        await Parallel.ForEachAsync(plan.Accounts, new ParallelOptions { MaxDegreeOfParallelism = accountsAtOnce, CancellationToken = cancellationToken }, async (target, token) =>
        {
            var reader = readers[target.Id] = new AccountCollector(run, target);
            await ReadAsync(run, reader, proof, token);
            progress?.Report(Progress(run, Interlocked.Increment(ref done), total, target.Id));
        });

        var linked = new ConcurrentDictionary<string, AccountCollector>(StringComparer.Ordinal);
        CloudInventory inventory;
        while (true)
        {
            await ReadOwnersAsync(run, plan, readers, linked, proof, cancellationToken);
            inventory = Inventory(plan, readers, linked, run, _options.Clock.GetUtcNow());
            if (proof is null)
            {
                break;
            }

            // An account read in part stays so only while the whole inventory proves it passing (a member's chain is
            // its organization trail's, in the owner); the others are read completely, and everything judged again.
            var read = inventory.Accounts.ToDictionary(account => account.Id, StringComparer.Ordinal);
            var undecided = readers.Values
                .Where(reader => !reader.IsComplete && !proof.Holds(inventory, read[reader.Id]))
                .ToList();
            if (undecided.Count == 0)
            {
                break;
            }

            await Task.WhenAll(undecided.Select(reader => GuardAsync(reader, () => reader.CompleteAsync(cancellationToken), cancellationToken)));
        }

        return new CollectResult(inventory, Summary(run, identity, request, _options.Clock.GetElapsedTime(started)));
    }

    /// <summary>
    /// Reads an account completely; or, for minimal evidence, lists the trails of one region (every multi-region trail
    /// shows there) and follows the account's own candidate chains one at a time until every control passes. An
    /// account that found no passing chain of its own is read completely, unless it inherits an organization trail:
    /// then the owner's chain may decide it, which is judged once every account is read.
    /// </summary>
    private static Task ReadAsync(CollectRun run, AccountCollector reader, PassProof? proof, CancellationToken cancellationToken) =>
        GuardAsync(reader, async () =>
        {
            if (!await reader.OpenAsync())
            {
                return;
            }

            if (proof is null)
            {
                await reader.CompleteAsync(cancellationToken);
                return;
            }

            await reader.ListAsync(reader.FirstRegion, cancellationToken);
            foreach (var trail in reader.OwnCandidates)
            {
                await reader.FollowAsync(trail, cancellationToken);
                var account = reader.Account;
                if (proof.Holds(Alone(run, reader.TopicArns, account), account))
                {
                    return;
                }
            }

            if (reader.Inherited.Count == 0)
            {
                await reader.CompleteAsync(cancellationToken);
            }
        }, cancellationToken);

    private static async Task GuardAsync(AccountCollector reader, Func<Task> read, CancellationToken cancellationToken)
    {
        try
        {
            await read();
        }
        catch (Exception problem) when (problem is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            reader.Fail(problem);
        }
    }

    /// <summary>
    /// The owners of the organization trails the read accounts inherit: when the scan was narrowed away from one, it
    /// is read as a linked account (a member's outcome is its owner's chain, so a shard judges it as a scan of the
    /// whole organization would); and in every owner, each inherited trail is followed.
    /// </summary>
    private static async Task ReadOwnersAsync(
        CollectRun run,
        AccountPlan plan,
        IReadOnlyDictionary<string, AccountCollector> readers,
        ConcurrentDictionary<string, AccountCollector> linked,
        PassProof? proof,
        CancellationToken cancellationToken)
    {
        var inherited = readers.Values
            .SelectMany(reader => reader.Inherited.Where(trail => trail.IsOrganizationTrail ?? false))
            .DistinctBy(trail => trail.Arn, StringComparer.Ordinal)
            .ToList();
        var owners = inherited.Select(trail => trail.OwnerAccountId!)
            .Distinct(StringComparer.Ordinal)
            .Where(owner => !readers.ContainsKey(owner) && !linked.ContainsKey(owner) && plan.NarrowedOut.ContainsKey(owner))
            .Order(StringComparer.Ordinal)
            .ToList();
        await Task.WhenAll(owners.Select(owner => ReadAsync(run, linked[owner] = new AccountCollector(run, plan.NarrowedOut[owner]), proof, cancellationToken)));

        await Task.WhenAll(inherited.Select(trail =>
            (readers.GetValueOrDefault(trail.OwnerAccountId!) ?? linked.GetValueOrDefault(trail.OwnerAccountId!)) is { } owner
                ? GuardAsync(owner, () => owner.FollowInheritedAsync(trail, cancellationToken), cancellationToken)
                : Task.CompletedTask));
    }

    /// <summary>The inventory of everything read: the covered accounts, the linked ones, and topics in accounts narrowed out.</summary>
    private static CloudInventory Inventory(AccountPlan plan, IReadOnlyDictionary<string, AccountCollector> readers, IReadOnlyDictionary<string, AccountCollector> linked, CollectRun run, DateTimeOffset now)
    {
        var covered = readers.Values.Select(reader => reader.Account).Concat(plan.Unreadable).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        var owners = linked.Values.Select(reader => reader.Account).ToList();
        var read = covered.Concat(owners).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var narrowedOut = run.Topics.Where(entry => !read.Contains(entry.Key.AccountId) && plan.NarrowedOut.ContainsKey(entry.Key.AccountId));
        return new CloudInventory(plan.Organization, covered, now)
        {
            LinkedAccounts = [.. owners.Concat(TopicsOnly(narrowedOut, id => plan.NarrowedOut[id].Name)).OrderBy(a => a.Id, StringComparer.Ordinal)],
        };
    }

    /// <summary>One account as read so far, with the topics its alarms notify (<paramref name="topicArns"/>) in other accounts: to judge it alone.</summary>
    private static CloudInventory Alone(CollectRun run, IEnumerable<string> topicArns, Account account)
    {
        var elsewhere = topicArns.Select(TopicKey.Of).OfType<TopicKey>().Where(key => key.AccountId != account.Id).Distinct()
            .Select(key => run.Topics.TryGetValue(key, out var topics) ? KeyValuePair.Create(key, topics) : (KeyValuePair<TopicKey, ConcurrentDictionary<string, Topic>>?)null)
            .OfType<KeyValuePair<TopicKey, ConcurrentDictionary<string, Topic>>>();
        return new CloudInventory(null, [account])
        {
            LinkedAccounts = [.. TopicsOnly(elsewhere, _ => null)],
        };
    }

    /// <summary>
    /// The topics an alarm of a read account notifies in an account not read, each in an account of its own that
    /// holds only them.
    /// </summary>
    private static IEnumerable<Account> TopicsOnly(IEnumerable<KeyValuePair<TopicKey, ConcurrentDictionary<string, Topic>>> topics, Func<string, string?> nameOf)
    {
        var notRead = new Unknown(UnknownReason.NotCollected, "this account was read only for the topics alarms of the scanned accounts notify");
        return topics
            .GroupBy(entry => entry.Key.AccountId, StringComparer.Ordinal)
            .Select(topicsByRegion => new Account(
                topicsByRegion.Key,
                nameOf(topicsByRegion.Key),
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

    private static CollectProgress Progress(CollectRun run, int done, int total, string? account) =>
        new(done, total, run.Totals.Calls, run.Totals.Throttles, run.Totals.Retries, account);

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
