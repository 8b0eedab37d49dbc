using Tocsin.Emulator.Protocol;
using Tocsin.Emulator.State;

namespace Tocsin.Emulator.Services;

/// <summary>
/// Which trails an account sees from a region: its own trails whose home is that region, shadows of its own
/// multi-region trails, and (for every account of an organization) the organization's trails.
/// </summary>
internal static class TrailVisibility
{
    public sealed record Seen(Trail Trail, bool IsShadow);

    public static IEnumerable<Seen> From(CallContext call)
    {
        var owners = new List<AccountState> { call.Account };
        var organization = call.State.Organization;
        if (organization is not null && call.Account.IsOrganizationMember && organization.ManagementAccountId != call.Account.Id && call.State.Account(organization.ManagementAccountId) is { } management)
        {
            owners.Add(management);
        }

        foreach (var owner in owners)
        {
            var own = owner.Id == call.Account.Id;
            foreach (var region in owner.Regions)
            {
                foreach (var trail in region.Trails.Values)
                {
                    if (!own && !trail.IsOrganizationTrail)
                    {
                        continue;
                    }

                    var home = own && trail.HomeRegion == call.Region;
                    if (home)
                    {
                        yield return new Seen(trail, false);
                    }
                    else if (trail.IsMultiRegion || trail.HomeRegion == call.Region)
                    {
                        yield return new Seen(trail, true);
                    }
                }
            }
        }
    }

    /// <summary>Finds a trail by name or ARN among those visible; a home trail wins over a shadow of the same name.</summary>
    public static Trail Find(CallContext call, string nameOrArn)
    {
        var seen = From(call).ToList();
        var match = nameOrArn.StartsWith("arn:", StringComparison.Ordinal)
            ? seen.FirstOrDefault(candidate => candidate.Trail.Arn == nameOrArn)
            : seen.OrderBy(candidate => candidate.IsShadow).FirstOrDefault(candidate => candidate.Trail.Name == nameOrArn);
        if (match is null)
        {
            if (nameOrArn.StartsWith("arn:", StringComparison.Ordinal) && !nameOrArn.StartsWith("arn:aws:cloudtrail:", StringComparison.Ordinal))
            {
                throw new AwsError("CloudTrailARNInvalidException", $"Invalid trail ARN: {nameOrArn}");
            }

            throw new AwsError("TrailNotFoundException", $"Unknown trail: {nameOrArn} for the user: {call.Account.Id}");
        }

        return match.Trail;
    }

    /// <summary>A trail the caller may change: its own, from its home region.</summary>
    public static Trail FindOwned(CallContext call, string nameOrArn)
    {
        var trail = Find(call, nameOrArn);
        if (trail.AccountId != call.Account.Id)
        {
            throw new AwsError("NotOrganizationMasterAccountException", $"The request was rejected because only the organization's management account can change the organization trail {trail.Arn}.");
        }

        if (trail.HomeRegion != call.Region)
        {
            throw new AwsError("InvalidHomeRegionException", $"This operation must be called from the trail's home region, {trail.HomeRegion}.");
        }

        return trail;
    }
}
