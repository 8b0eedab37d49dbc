using Amazon.Runtime;
using Tocsin.Aws.Credentials;
using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;

namespace Tocsin.Aws.Collection;

/// <summary>
/// What to collect. With no <see cref="Organization"/> and no <see cref="Accounts"/>, the caller's own account is
/// read. With <see cref="Organization"/>, every active account the organization lists is read through the role;
/// <see cref="Accounts"/> adds accounts outside it (or overrides the role for one); <see cref="OnlyAccounts"/>
/// (<c>--accounts</c>) and <see cref="Shard"/> (<c>--shard</c>) narrow the result.
/// </summary>
public sealed record CollectRequest
{
    /// <summary>How to find the starting credentials (<c>--profile</c>, region).</summary>
    public CredentialOptions Credentials { get; init; } = new();

    /// <summary>Starting credentials given directly (the demo, tests); when set, <see cref="Credentials"/>' profile is not read.</summary>
    public AWSCredentials? StartingCredentials { get; init; }

    /// <summary><c>--org --role-name NAME</c>: list the organization's accounts and assume the role in each.</summary>
    public OrganizationScope? Organization { get; init; }

    /// <summary>Accounts to read besides (or without) the organization, each with the role to assume.</summary>
    public IReadOnlyList<AccountTarget> Accounts { get; init; } = [];

    /// <summary><c>--accounts</c>: read only these account ids; null reads every account found.</summary>
    public IReadOnlyList<string>? OnlyAccounts { get; init; }

    /// <summary>
    /// <c>--shard I/N</c>: read and report only this shard's accounts; null reads them all. An account of another
    /// shard that a chain of this one runs through (an organization trail's owner, a topic's account) is still read,
    /// into <see cref="Tocsin.Core.Inventory.CloudInventory.LinkedAccounts"/>, so each shard judges its accounts as
    /// one scan of them all would.
    /// </summary>
    public ShardSpec? Shard { get; init; }

    /// <summary><c>--region</c>: read only these regions; null reads every region enabled in each account (DescribeRegions).</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>
    /// The controls the scan will evaluate. Every control of the catalog is a CloudTrail metric-filter chain, so all
    /// need the same calls; the list is carried so that a control of another kind can add its own.
    /// </summary>
    public IReadOnlyList<Control> Controls { get; init; } = ControlCatalog.Default.All;

    /// <summary>
    /// <c>--evidence</c>: read every candidate (the default here), or stop reading an account once a passing chain
    /// is proven for every one of <see cref="Controls"/>, judged with <see cref="Judging"/>.
    /// </summary>
    public EvidenceScope Evidence { get; init; } = EvidenceScope.Full;

    /// <summary>How the report will judge the chains (<c>--mode</c>, <c>--strict</c>): a minimal reading stops only on a chain that passes so.</summary>
    public EvaluationOptions Judging { get; init; } = EvaluationOptions.Default;

    /// <summary>
    /// Also read the EventBridge rules on each region's default bus, with their targets and the roles those deliver as
    /// (<c>events:ListRules</c>, <c>events:ListTargetsByRule</c>, IAM role reads). Off by default, so a scan that does not
    /// judge the EventBridge chain makes no more calls than before; unread, rules are unknown (not collected), never none.
    /// </summary>
    public bool EventBridge { get; init; }

    /// <summary><c>--endpoint-url</c>: one endpoint for every service (emulator, moto); AWS_ENDPOINT_URL[_SERVICE] apply otherwise.</summary>
    public Uri? EndpointUrl { get; init; }

    /// <summary><c>--concurrency</c>: calls in flight at once across all accounts and regions (accounts in progress: four times as many).</summary>
    public int Concurrency { get; init; } = 16;

    /// <summary>The session name of assumed roles, as it shows in the member accounts' CloudTrail.</summary>
    public string SessionName { get; init; } = "tocsin-scan";
}

/// <summary>Scan an organization: assume <paramref name="RoleName"/> in each account, with an external id if the role demands one.</summary>
public sealed record OrganizationScope(string RoleName, string? ExternalId = null);

/// <summary>
/// One account to read. A null <paramref name="RoleName"/> means the organization's role, or the caller's own
/// credentials when the account is the caller's.
/// </summary>
public sealed record AccountTarget(string AccountId, string? RoleName = null, string? ExternalId = null);
