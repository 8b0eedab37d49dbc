namespace Tocsin.Core.Inventory;

/// <summary>A value a source could not tell, with the reason and the words to show a person.</summary>
public sealed record Unknown(UnknownReason Reason, string? Detail = null)
{
    /// <summary>The reason code as written in snapshots and findings, e.g. <c>access-denied</c>.</summary>
    public string Code => UnknownReasons.ToCode(Reason);

    public override string ToString() => Detail is null ? Code : $"{Code}: {Detail}";
}
