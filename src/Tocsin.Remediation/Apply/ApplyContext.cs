using System.Text.Json.Nodes;
using Tocsin.Aws.Clients;
using Tocsin.Aws.Http;
using Tocsin.Core.Inventory;
using Tocsin.Remediation.Plans;

namespace Tocsin.Remediation.Apply;

/// <summary>What a step is applied with: clients of its account, the inventory the plan was made from, the options, the count of writes.</summary>
internal sealed class ApplyContext(AwsSession session, PlanStep step, CloudInventory? seen, ApplyOptions options, ApplyRun run)
{
    public PlanStep Step { get; } = step;

    public string Region => Step.Region;

    public ApplyOptions Options { get; } = options;

    public bool Force => Options.Force;

    public CloudTrailClient CloudTrail { get; } = new(session);

    public LogsClient Logs { get; } = new(session);

    public CloudWatchClient CloudWatch { get; } = new(session);

    public SnsClient Sns { get; } = new(session);

    public KmsClient Kms { get; } = new(session);

    public IamClient Iam { get; } = new(session);

    public S3Client S3 { get; } = new(session);

    public ApplyRun Run { get; } = run;

    /// <summary>The region of the step's account as the plan saw it, null when the plan was made without it.</summary>
    public Region? Seen => seen?.FindAccount(Step.AccountId)?.FindRegion(Step.Region);

    /// <summary>Counts a write call before it is made.</summary>
    public void Writing() => Run.Writes++;

    public static bool SameJson(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return a == b;
        }

        try
        {
            return JsonNode.DeepEquals(JsonNode.Parse(a), JsonNode.Parse(b));
        }
        catch (System.Text.Json.JsonException)
        {
            return a == b;
        }
    }
}

/// <summary>What the steps of one apply share.</summary>
internal sealed class ApplyRun
{
    public int Writes { get; set; }

    /// <summary>Accounts whose CloudTrail delivery role this apply created or changed: their trail writes may wait for IAM.</summary>
    public HashSet<string> RolesChanged { get; } = new(StringComparer.Ordinal);
}
