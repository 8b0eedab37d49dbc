using System.Collections.Concurrent;
using Amazon.Runtime;
using Tocsin.Aws.Clients;
using Tocsin.Aws.Credentials;
using Tocsin.Aws.Http;
using Tocsin.Core.Inventory;

namespace Tocsin.Aws.Collection;

/// <summary>
/// Reads one account: assume its role, find its regions, list the trails of each region once (shadow trails
/// included), read status and selectors once per trail it owns (in the trail's home region) while following the
/// owned trails' log groups to filters, alarms and topics. Anything that fails becomes an unknown value; nothing
/// here stops another account.
/// </summary>
internal sealed class AccountCollector(CollectRun run, AccountToRead target)
{
    public async Task<Account> CollectAsync(CancellationToken cancellationToken)
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
                return Unreadable(refused.Reason, $"could not assume {role.RoleArn}: {refused.Code}");
            }

            credentials = assumed;
        }

        var session = new AwsSession(run.Transport, credentials, target.Id, statistics);
        IReadOnlyList<string> regions;
        if (run.Request.Regions is { } asked)
        {
            regions = asked;
        }
        else
        {
            var enabled = await Observe.CallAsync(() => new Ec2Client(session).DescribeRegionsAsync(run.StartRegion, cancellationToken));
            if (!enabled.TryGetValue(out var names))
            {
                return new Account(target.Id, target.Name, Observed<IReadOnlyList<Region>>.NotKnown(enabled.Unknown!));
            }

            regions = names;
        }

        var cloudTrail = new CloudTrailClient(session);
        var listed = await Task.WhenAll(regions.Select(async region => (Region: region, Trails: await Observe.CallAsync(() => cloudTrail.DescribeTrailsAsync(region, cancellationToken)))));
        var owned = listed.Where(r => r.Trails.IsKnown).SelectMany(r => r.Trails.Value.Select(trail => (r.Region, Trail: trail)))
            .Where(entry => entry.Trail.OwnerAccountId == target.Id)
            .GroupBy(entry => entry.Trail.Arn, StringComparer.Ordinal)
            .Select(copies => copies.First().Trail with { HomeRegion = copies.First().Trail.HomeRegion ?? copies.First().Region })
            .ToList();

        var readingsTask = Task.WhenAll(owned.Select(async trail =>
        {
            var status = Observe.CallAsync(() => cloudTrail.GetTrailStatusAsync(trail.HomeRegion!, trail.Arn, cancellationToken));
            var selectors = Observe.CallAsync(() => cloudTrail.GetEventSelectorsAsync(trail.HomeRegion!, trail.Arn, cancellationToken));
            return (trail.Arn, Reading: new TrailReading(await status, await selectors));
        }));
        var logGroups = owned.Select(trail => trail.CloudWatchLogsLogGroupArn is { } arn ? LogGroupArns.Parse(arn) : null)
            .Where(group => group is { } g && g.AccountId == target.Id)
            .Select(group => (group!.Value.Region, group.Value.Name));
        var chainsTask = new ChainReader(session, run.Topics).ReadAsync(target.Id, logGroups, cancellationToken);

        var readings = (await readingsTask).ToDictionary(r => r.Arn, r => r.Reading, StringComparer.Ordinal);
        var chains = await chainsTask;
        return new Account(target.Id, target.Name, Observed.Known(Regions(listed, readings, chains)));
    }

    private IReadOnlyList<Region> Regions(
        IReadOnlyList<(string Region, Observed<IReadOnlyList<TrailDescription>> Trails)> listed,
        IReadOnlyDictionary<string, TrailReading> readings,
        IReadOnlyDictionary<string, RegionChain> chains)
    {
        var names = listed.Select(r => r.Region).Concat(chains.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. names.Select(name =>
        {
            var trails = listed.FirstOrDefault(r => r.Region == name).Trails
                ?? Observed.Unknown<IReadOnlyList<TrailDescription>>(UnknownReason.NotCollected, $"trails are read only in the regions asked for; {name} was read for a trail's log group");
            var chain = chains.GetValueOrDefault(name);
            var notHere = new Unknown(UnknownReason.NotCollected, $"no trail of this account delivers to CloudWatch Logs in {name}");
            return new Region(
                name,
                trails.Select<IReadOnlyList<Trail>>(list => [.. list.Select(d => TrailReading.ToTrail(d, target.Id, readings.GetValueOrDefault(d.Arn)))]),
                chain is null ? Observed<IReadOnlyList<LogGroup>>.NotKnown(notHere) : Observed.Known(chain.LogGroups),
                chain?.MetricFilters ?? Observed<IReadOnlyList<MetricFilter>>.NotKnown(notHere),
                chain?.Alarms ?? Observed<IReadOnlyList<Alarm>>.NotKnown(notHere),
                Observed<IReadOnlyList<Topic>>.NotKnown(new Unknown(UnknownReason.NotCollected, $"no alarm read in this scan notifies a topic in {name}")));
        })];
    }

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
