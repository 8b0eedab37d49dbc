namespace Tocsin.Core.Inventory;

/// <summary>An AWS Organization: who owns organization trails, and who should inherit them.</summary>
/// <param name="Id">The organization id, e.g. <c>o-a1b2c3d4e5</c>.</param>
/// <param name="ManagementAccountId">The account that owns the organization.</param>
/// <param name="MemberAccountIds">Every member account id (the management account included), or unknown.</param>
public sealed record Organization(
    string Id,
    string ManagementAccountId,
    Observed<IReadOnlyList<string>> MemberAccountIds,
    Source? Source = null);
