using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using static Tocsin.Core.JsonNodes;

namespace Tocsin.Aws.Clients;

/// <summary>
/// The IAM actions the clients declare (<see cref="RequiresPermissionAttribute"/>), for <c>tocsin permissions</c>
/// to print a least-privilege policy.
/// </summary>
public static class Permissions
{
    // Each client is named with typeof at the call, so the trimmer sees which public methods to keep for the attributes.
    private static readonly RequiresPermissionAttribute[] Declared =
    [
        .. DeclaredBy(typeof(StsClient)), .. DeclaredBy(typeof(OrganizationsClient)), .. DeclaredBy(typeof(Ec2Client)),
        .. DeclaredBy(typeof(CloudTrailClient)), .. DeclaredBy(typeof(LogsClient)), .. DeclaredBy(typeof(CloudWatchClient)),
        .. DeclaredBy(typeof(SnsClient)), .. DeclaredBy(typeof(KmsClient)), .. DeclaredBy(typeof(IamClient)), .. DeclaredBy(typeof(S3Client)),
        .. DeclaredBy(typeof(EventsClient)),
    ];

    private static IEnumerable<RequiresPermissionAttribute> DeclaredBy([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type client) =>
        client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .SelectMany(method => method.GetCustomAttributes<RequiresPermissionAttribute>());

    /// <summary>Every action a scan declares, sorted.</summary>
    public static IReadOnlyList<string> All { get; } = Sorted(Declared.Where(attribute => !attribute.ForApply && !attribute.ForEventBridge).Select(attribute => attribute.Action));

    /// <summary>What a scan that reads EventBridge needs in every account it reads, besides <see cref="ForAccounts"/>.</summary>
    public static IReadOnlyList<string> ForEventBridge { get; } = Sorted(Declared.Where(attribute => attribute.ForEventBridge).Select(attribute => attribute.Action).Except(All, StringComparer.Ordinal));

    /// <summary>The actions only <c>remediate --apply</c> calls: the writes, and the reads it makes before them that a scan does not.</summary>
    public static IReadOnlyList<string> ApplyOnly { get; } = Sorted(Declared.Where(attribute => attribute.ForApply).Select(attribute => attribute.Action).Except(All, StringComparer.Ordinal));

    /// <summary>What applying a plan needs in each account it changes: the scan's reads (apply re-reads and re-scans) and the apply's own calls.</summary>
    public static IReadOnlyList<string> ForApply => Sorted(ForAccounts.Concat(ApplyOnly));

    /// <summary>What a scan needs in every account it reads (member accounts included).</summary>
    public static IReadOnlyList<string> ForAccounts { get; } = [.. All.Where(action => !action.StartsWith("organizations:", StringComparison.Ordinal) && action != "sts:AssumeRole")];

    /// <summary>What the identity that starts an organization scan needs in addition: list the accounts, assume the role.</summary>
    public static IReadOnlyList<string> ForOrganizationScanner { get; } = [.. All.Where(action => action.StartsWith("organizations:", StringComparison.Ordinal) || action == "sts:AssumeRole")];

    private static string[] Sorted(IEnumerable<string> actions) => [.. actions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>An IAM policy document (JSON) allowing <paramref name="actions"/> on every resource.</summary>
    public static string PolicyDocument(IEnumerable<string> actions, string statementId = "TocsinReadOnly") => Document(
        new JsonObject
        {
            ["Sid"] = statementId,
            ["Effect"] = "Allow",
            ["Action"] = Strings(actions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)),
            ["Resource"] = "*",
        });

    /// <summary>
    /// The policy of the role a plan is applied with in each account: the scan's reads and the apply's reads and writes
    /// on every resource, and <c>iam:PassRole</c> only for the CloudTrail delivery role, only to CloudTrail.
    /// </summary>
    /// <param name="deliveryRoleName">The name of the role CloudTrail assumes to write to CloudWatch Logs.</param>
    public static string ApplyPolicyDocument(string deliveryRoleName) => Document(
        new JsonObject
        {
            ["Sid"] = "TocsinApplyRemediation",
            ["Effect"] = "Allow",
            ["Action"] = Strings(ForApply.Where(action => action != "iam:PassRole" && !action.StartsWith("organizations:", StringComparison.Ordinal))),
            ["Resource"] = "*",
        },
        new JsonObject
        {
            ["Sid"] = "TocsinPassTheDeliveryRoleToCloudTrail",
            ["Effect"] = "Allow",
            ["Action"] = "iam:PassRole",
            ["Resource"] = $"arn:aws:iam::*:role/{deliveryRoleName}",
            ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["iam:PassedToService"] = "cloudtrail.amazonaws.com" } },
        });

    private static string Document(params JsonObject[] statements) =>
        new JsonObject { ["Version"] = "2012-10-17", ["Statement"] = new JsonArray(statements) }.ToJsonString(Indented);
}
