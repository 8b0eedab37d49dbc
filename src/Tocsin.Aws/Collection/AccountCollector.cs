using System.Collections.Concurrent;
using Amazon.Runtime;
using Tocsin.Aws.Clients;
using Tocsin.Aws.Credentials;
using Tocsin.Aws.Http;
using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Collection;

/// <summary>
/// Reads one account, as far as it is asked to: assume its role; list the trails of a region (shadow trails
/// included, so every multi-region trail shows from any region); follow a trail it owns (status and selectors in
/// the trail's home region, its log group to filters, alarms and topics); or read it completely (every region, every
/// trail it owns). Every call is made once, however the reading is extended. Anything that fails becomes an unknown
/// value; nothing here stops another account.
/// </summary>
internal sealed class AccountCollector(CollectRun run, AccountToRead target)
{
    private static readonly Unknown NotNeeded = new(UnknownReason.NotCollected, "not read: what was read already decides every control (--evidence full reads everything)");

    private readonly ConcurrentDictionary<string, Lazy<Task<Observed<IReadOnlyList<TrailDescription>>>>> _listings = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<TrailReading>>> _readings = new(StringComparer.Ordinal);
    private AwsSession? _session;
    private CloudTrailClient? _cloudTrail;
    private ChainReader? _chains;
    private EventRuleReader? _eventRules;
    private Account? _unreadable;
    private IReadOnlyList<string>? _regions;

    public string Id => target.Id;

    /// <summary>Read completely (every region), or unreadable: nothing more will be read.</summary>
    public bool IsComplete => _regions is not null || _unreadable is not null;

    /// <summary>The region a partial reading starts from: the first region asked for, else the scan's own.</summary>
    public string FirstRegion => run.Request.Regions is [var first, ..] ? first : run.StartRegion;

    /// <summary>
    /// Trails listed so far that could carry a passing chain of this account's own: multi-region, owned here,
    /// delivering to a log group here; in ARN order, the evaluator's order among passing chains.
    /// </summary>
    public IReadOnlyList<TrailDescription> OwnCandidates =>
    [
        .. Owned(_listings.Keys).Where(trail => trail.IsMultiRegion == true && LogGroupOf(trail) is not null).OrderBy(trail => trail.Arn, StringComparer.Ordinal),
    ];

    /// <summary>Trails listed so far that another account owns (organization trails): their chains are in that account.</summary>
    public IReadOnlyList<TrailDescription> Inherited =>
    [
        .. Listed(_listings.Keys).Select(entry => entry.Trail)
            .Where(trail => trail.OwnerAccountId is { } owner && owner != target.Id)
            .DistinctBy(trail => trail.Arn, StringComparer.Ordinal),
    ];

    /// <summary>The topics this account's alarms notify, of those followed so far.</summary>
    public IEnumerable<string> TopicArns => _chains?.TopicArns ?? [];

    /// <summary>Assumes the account's role; false when the account cannot be read (the reading says why).</summary>
    public async Task<bool> OpenAsync()
    {
        var statistics = run.StatisticsFor(target.Id);
        AWSCredentials credentials = run.CallerCredentials;
        if (target.Role is { } role)
        {
            var sts = new StsClient(run.CallerSession with { Statistics = statistics });
            var assumed = new AssumedRoleCredentials(sts, run.StartRegion, role);
            try
            {
                await assumed.GetCredentialsAsync();
            }
            catch (Exception problem) when (Find<AwsServiceException>(problem) is { } refused)
            {
                _unreadable = Unreadable(refused.Reason, $"could not assume {role.RoleArn}: {refused.Code}");
                return false;
            }

            credentials = assumed;
        }

        _session = new AwsSession(run.Transport, credentials, target.Id, statistics);
        _cloudTrail = new CloudTrailClient(_session);
        _chains = new ChainReader(_session, target.Id, run);
        _eventRules = run.Request.EventBridge ? new EventRuleReader(_session, target.Id) : null;
        return true;
    }

    /// <summary>Lists the trails of one region (once).</summary>
    public Task<Observed<IReadOnlyList<TrailDescription>>> ListAsync(string region, CancellationToken cancellationToken) =>
        _listings.GetOrAdd(region, name => new(() => Observe.CallAsync(() => _cloudTrail!.DescribeTrailsAsync(name, cancellationToken)))).Value;

    /// <summary>Reads an owned trail's status and selectors (in its home region) and follows its log group here.</summary>
    public Task FollowAsync(TrailDescription trail, CancellationToken cancellationToken)
    {
        var reading = _readings.GetOrAdd(trail.Arn, _ => new(async () =>
        {
            var status = Observe.CallAsync(() => _cloudTrail!.GetTrailStatusAsync(trail.HomeRegion!, trail.Arn, cancellationToken));
            var selectors = Observe.CallAsync(() => _cloudTrail!.GetEventSelectorsAsync(trail.HomeRegion!, trail.Arn, cancellationToken));
            return new TrailReading(await status, await selectors);
        })).Value;
        var chain = LogGroupOf(trail) is { } group ? _chains!.FollowAsync(group.Region, group.Name, cancellationToken) : Task.CompletedTask;
        return Task.WhenAll(reading, chain);
    }

    /// <summary>
    /// Follows a trail of this account that another account inherits (an organization trail), as a complete reading
    /// would have: its home region is listed first when no listing so far shows it.
    /// </summary>
    public async Task FollowInheritedAsync(TrailDescription memberView, CancellationToken cancellationToken)
    {
        if (IsComplete || _cloudTrail is null)
        {
            return;
        }

        if (!Owned(_listings.Keys).Any(trail => trail.Arn == memberView.Arn)
            && memberView.HomeRegion is { } home && run.Request.Regions?.Contains(home) != false)
        {
            await ListAsync(home, cancellationToken);
        }

        if (Owned(_listings.Keys).FirstOrDefault(trail => trail.Arn == memberView.Arn) is { } own)
        {
            await FollowAsync(own, cancellationToken);
        }
    }

    /// <summary>Reads the whole account: the regions asked for or enabled, the trails of each, every trail it owns.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (IsComplete || _session is null)
        {
            return;
        }

        IReadOnlyList<string> regions;
        if (run.Request.Regions is { } asked)
        {
            regions = asked;
        }
        else
        {
            var enabled = await Observe.CallAsync(() => new Ec2Client(_session).DescribeRegionsAsync(run.StartRegion, cancellationToken));
            if (!enabled.TryGetValue(out var names))
            {
                _unreadable = new Account(target.Id, target.Name, Observed<IReadOnlyList<Region>>.NotKnown(enabled.Unknown!));
                return;
            }

            regions = names;
        }

        IEnumerable<Task> rules = _eventRules is { } reader ? regions.Select(region => reader.ReadAsync(region, cancellationToken)) : [];
        await Task.WhenAll(regions.Select(region => (Task)ListAsync(region, cancellationToken)).Concat(rules));
        if (_eventRules is { } eventRules)
        {
            // The topics rules notify, as alarms' topics are read: the EventBridge chain ends there.
            var targets = regions.Select(eventRules.RulesIn).OfType<Observed<IReadOnlyList<EventRule>>>()
                .SelectMany(read => read.TryGetValue(out var list) ? list : [])
                .SelectMany(rule => rule.Targets.TryGetValue(out var list) ? list : [])
                .Select(target => target.Arn);
            await _chains!.ReadTopicsAsync(targets, cancellationToken);
        }

        _regions = regions;
        await Task.WhenAll(Owned(regions).Select(trail => FollowAsync(trail, cancellationToken)));
    }

    /// <summary>Stops the reading: a reply no model foresaw must not end the scan of the other accounts.</summary>
    public void Fail(Exception problem) =>
        _unreadable = Unreadable(UnknownReason.Unavailable, $"reading the account failed: {problem.Message}");

    /// <summary>The account as read so far, with the topics read in it.</summary>
    public Account Account => _unreadable ?? new Account(target.Id, target.Name, Observed.Known(Regions())) { Roles = RolesRead() };

    /// <summary>The roles read for EventBridge targets; not collected when EventBridge was not read completely.</summary>
    private Observed<IReadOnlyList<IamRole>> RolesRead() =>
        _eventRules is { } reader && _regions is not null ? Observed.Known(reader.Roles) : Account.RolesWhenAbsent;

    private IReadOnlyList<Region> Regions()
    {
        var complete = _regions is not null;
        var listedRegions = _regions ?? [.. _listings.Keys.Where(region => _listings[region].Value.IsCompletedSuccessfully)];
        var listed = listedRegions.ToDictionary(region => region, region => _listings[region].Value.Result, StringComparer.Ordinal);
        var readings = _readings.Where(entry => entry.Value.Value.IsCompletedSuccessfully).ToDictionary(entry => entry.Key, entry => entry.Value.Value.Result, StringComparer.Ordinal);
        var chains = _chains?.Chains() ?? new Dictionary<string, RegionChain>();

        // A partial reading also holds the regions of the topics read in this account, as a complete one would
        // (every region enabled or asked for); a complete one holds the regions it listed.
        var topicRegions = complete ? [] : run.TopicRegions.Keys.Where(region => run.Topics.ContainsKey(new TopicKey(target.Id, region)));
        var names = listedRegions.Concat(chains.Keys)
            .Concat(topicRegions.Where(region => run.Request.Regions?.Contains(region) != false))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var unlisted = complete
            ? null
            : new Unknown(UnknownReason.NotCollected, $"trails were listed only in {string.Join(", ", listedRegions.Order(StringComparer.Ordinal))}: what was read already decides every control (--evidence full lists every region)");
        return [.. names.Select(name =>
        {
            var trails = listed.GetValueOrDefault(name)
                ?? Observed<IReadOnlyList<TrailDescription>>.NotKnown(unlisted ?? new Unknown(UnknownReason.NotCollected, $"trails are read only in the regions asked for; {name} was read for a trail's log group"));
            var chain = chains.GetValueOrDefault(name);
            var notHere = new Unknown(UnknownReason.NotCollected, $"no trail of this account delivers to CloudWatch Logs in {name}");
            var topics = run.Topics.TryGetValue(new TopicKey(target.Id, name), out var read)
                ? Observed.Known<IReadOnlyList<Topic>>([.. read.Values.OrderBy(t => t.Arn, StringComparer.Ordinal)])
                : Observed<IReadOnlyList<Topic>>.NotKnown(new Unknown(UnknownReason.NotCollected, $"no alarm read in this scan notifies a topic in {name}"));
            return new Region(
                name,
                trails.Select<IReadOnlyList<Trail>>(list => [.. list.Select(d => TrailReading.ToTrail(d, target.Id, readings.GetValueOrDefault(d.Arn), complete ? null : NotNeeded))]),
                chain is null ? Observed<IReadOnlyList<LogGroup>>.NotKnown(notHere) : Observed.Known(chain.LogGroups),
                chain?.MetricFilters ?? Observed<IReadOnlyList<MetricFilter>>.NotKnown(notHere),
                chain?.Alarms ?? Observed<IReadOnlyList<Alarm>>.NotKnown(notHere),
                topics)
            {
                EventRules = _eventRules?.RulesIn(name) ?? Region.EventRulesWhenAbsent,
            };
        })];
    }

    /// <summary>The trails of the listed <paramref name="regions"/> this account owns, once each, with their home region.</summary>
    private IEnumerable<TrailDescription> Owned(IEnumerable<string> regions) =>
        Listed(regions)
            .Where(entry => entry.Trail.OwnerAccountId == target.Id)
            .GroupBy(entry => entry.Trail.Arn, StringComparer.Ordinal)
            .Select(copies => copies.First().Trail with { HomeRegion = copies.First().Trail.HomeRegion ?? copies.First().Region });

    private IEnumerable<(string Region, TrailDescription Trail)> Listed(IEnumerable<string> regions) =>
        regions.Where(region => _listings.TryGetValue(region, out var call) && call.Value.IsCompletedSuccessfully && call.Value.Result.IsKnown)
            .SelectMany(region => _listings[region].Value.Result.Value.Select(trail => (region, trail)));

    private (string Region, string Name)? LogGroupOf(TrailDescription trail) =>
        trail.CloudWatchLogsLogGroupArn is { } arn && LogGroupArns.Parse(arn) is { } group && group.AccountId == target.Id
            ? (group.Region, group.Name)
            : null;

    private Account Unreadable(UnknownReason reason, string detail) =>
        new(target.Id, target.Name, Observed.Unknown<IReadOnlyList<Region>>(reason, detail));

    private static T? Find<T>(Exception? problem)
        where T : Exception
    {
        for (; problem is not null; problem = problem.InnerException)
        {
            if (problem is T found)
            {
                return found;
            }

            if (problem is AggregateException aggregate && aggregate.InnerExceptions.Select(Find<T>).FirstOrDefault(f => f is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }
}
