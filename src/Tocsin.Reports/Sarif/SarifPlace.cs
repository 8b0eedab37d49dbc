using Tocsin.Core.Findings;

namespace Tocsin.Reports.Sarif;

/// <summary>A link of the chain that is defined in a file other than the primary location's, with its location id in the result.</summary>
internal sealed record RelatedLink(int Id, Location Location, ChainLink? Link);

/// <summary>
/// Where a result points. For code: the file and lines of the broken link (else of the deepest link that has a file),
/// and every other located link as a related location. For a live account or a snapshot: no file, only the
/// account, region and the resource at fault.
/// </summary>
/// <param name="Stop">The link that broke, or for an error the first one that could not be seen.</param>
/// <param name="Resource">The ARN at fault: the stopping link's, else the deepest one seen before it; null when none was seen.</param>
/// <param name="PrimaryLink">The chain link the primary file defines, when it is one of the chain's.</param>
internal sealed record SarifPlace(Location? Primary, ChainLink? PrimaryLink, IReadOnlyList<RelatedLink> Related, ChainLink? Stop, string? Resource)
{
    public static SarifPlace Of(Finding finding, IReadOnlyList<ChainLink> links)
    {
        var stop = links.FirstOrDefault(link => link.State is LinkState.Broken or LinkState.Unseen);
        var resource = stop?.Resource
            ?? links.LastOrDefault(link => link.Resource is not null && (stop is null || link.Kind <= stop.Kind))?.Resource;
        if (finding.Locations is not { Count: > 0 } locations)
        {
            return new SarifPlace(null, null, [], stop, resource);
        }

        var primary = Find(locations, stop?.Resource)
            ?? links.Reverse().Select(link => Find(locations, link.Resource)).FirstOrDefault(found => found is not null)
            ?? locations[^1];

        // A chain has at most six links, far below GitHub's 1,000 locations per result (100 shown).
        var related = locations
            .Where(location => !ReferenceEquals(location, primary))
            .Select((location, index) => new RelatedLink(index + 1, location, LinkOf(links, location)))
            .ToList();
        return new SarifPlace(primary, LinkOf(links, primary), related, stop, resource);
    }

    private static ChainLink? LinkOf(IReadOnlyList<ChainLink> links, Location location) =>
        links.FirstOrDefault(link => link.Resource == location.Link);

    private static Location? Find(IReadOnlyList<Location> locations, string? resource) =>
        resource is null ? null : locations.FirstOrDefault(location => location.Link == resource);
}
