using System.Security.Cryptography;
using System.Text;
using Tocsin.Core.Findings;

namespace Tocsin.Reports.Ocsf;

/// <summary>
/// The <c>finding_info.uid</c> of a finding: the same control, account and region give the same uid in every run,
/// so a consumer sees one finding updated rather than a new one per scan.
/// </summary>
public static class OcsfFindingUid
{
    public static string Of(Finding finding)
    {
        var key = $"{finding.ControlId}|{finding.AccountId}|{finding.Region ?? string.Empty}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "tocsin-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
