using System.Reflection;

namespace Tocsin.Aws.Clients;

/// <summary>
/// The IAM actions the clients declare (<see cref="RequiresPermissionAttribute"/>), for <c>tocsin permissions</c>
/// to print a least-privilege policy.
/// </summary>
public static class Permissions
{
    private static readonly Type[] Clients =
    [
        typeof(StsClient), typeof(OrganizationsClient), typeof(Ec2Client), typeof(CloudTrailClient),
        typeof(LogsClient), typeof(CloudWatchClient), typeof(SnsClient), typeof(KmsClient),
    ];

    /// <summary>Every declared action, sorted.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        .. Clients
            .SelectMany(client => client.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .SelectMany(method => method.GetCustomAttributes<RequiresPermissionAttribute>())
            .Select(attribute => attribute.Action)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>What a scan needs in every account it reads (member accounts included).</summary>
    public static IReadOnlyList<string> ForAccounts { get; } = [.. All.Where(action => !action.StartsWith("organizations:", StringComparison.Ordinal) && action != "sts:AssumeRole")];

    /// <summary>What the identity that starts an organization scan needs in addition: list the accounts, assume the role.</summary>
    public static IReadOnlyList<string> ForOrganizationScanner { get; } = [.. All.Where(action => action.StartsWith("organizations:", StringComparison.Ordinal) || action == "sts:AssumeRole")];

    /// <summary>An IAM policy document (JSON) allowing <paramref name="actions"/> on every resource.</summary>
    public static string PolicyDocument(IEnumerable<string> actions) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["Sid"] = "TocsinReadOnly",
                    ["Effect"] = "Allow",
                    ["Action"] = actions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
                    ["Resource"] = "*",
                },
            },
        }, new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
}
