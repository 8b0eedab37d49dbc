namespace Tocsin.Core.Inventory;

/// <summary>One AWS account and the regions read in it.</summary>
/// <param name="Id">The 12-digit account id.</param>
/// <param name="Name">The account name, when the organization told it.</param>
/// <param name="Regions">The regions read; unknown when the account itself could not be read (e.g. the role could not be assumed).</param>
public sealed record Account(
    string Id,
    string? Name,
    Observed<IReadOnlyList<Region>> Regions,
    Source? Source = null)
{
    public Region? FindRegion(string name) =>
        Regions.TryGetValue(out var regions) ? regions.FirstOrDefault(r => r.Name == name) : null;
}
