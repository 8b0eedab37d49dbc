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
    /// <summary>
    /// The IAM roles read in this account because something read elsewhere acts as them (an EventBridge target's
    /// role). A role named by such a record and missing from a known list does not exist; a role that could not be read
    /// is listed with unknown fields. Not collected unless a scan reads EventBridge (see <see cref="RolesWhenAbsent"/>).
    /// </summary>
    // A snapshot's reader hands null for a field the file leaves out: that is the field's absence.
    public Observed<IReadOnlyList<IamRole>> Roles { get; init => field = value ?? RolesWhenAbsent; } = RolesWhenAbsent;

    /// <summary>What the roles are when nobody read them; snapshots leave the field out when it holds exactly this.</summary>
    public static Observed<IReadOnlyList<IamRole>> RolesWhenAbsent { get; } =
        Observed<IReadOnlyList<IamRole>>.NotKnown(UnknownReason.NotCollected, "IAM roles were not read");

    /// <summary>The role with this ARN, when it was read.</summary>
    public IamRole? FindRole(string arn) =>
        Roles.TryGetValue(out var roles) ? roles.FirstOrDefault(r => r.Arn == arn) : null;

    public Region? FindRegion(string name) =>
        Regions.TryGetValue(out var regions) ? regions.FirstOrDefault(r => r.Name == name) : null;
}
