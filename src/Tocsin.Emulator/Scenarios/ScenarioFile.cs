namespace Tocsin.Emulator.Scenarios;

/// <summary>
/// A scenario file as written (YAML, camelCase keys). <see cref="Scenario"/> validates and applies it. A key written
/// with no value (<c>alarms:</c>, <c>id:</c>) reads as its default, as if absent; an empty section or list entry
/// (<c>us-east-1:</c>, <c>- ~</c>) as one with nothing set (<see cref="Yaml"/>).
/// </summary>
internal sealed class ScenarioFile
{
    public OrganizationEntry? Organization { get; set; }

    /// <summary>Regions served; all commercial regions when absent.</summary>
    public List<string>? Regions { get; set; }

    public List<AccountEntry> Accounts { get; set => field = value ?? []; } = [];

    internal sealed class OrganizationEntry
    {
        public string? Id { get; set; }

        public string ManagementAccount { get; set => field = value ?? string.Empty; } = string.Empty;
    }

    internal sealed class AccountEntry
    {
        public string Id { get; set => field = value ?? string.Empty; } = string.Empty;

        public string? Name { get; set; }

        public string? Email { get; set; }

        /// <summary>Defaults to true when the scenario has an organization.</summary>
        public bool? Member { get; set; }

        /// <summary>Tags on the account, as Organizations ListTagsForResource returns them (e.g. environment: production).</summary>
        public Dictionary<string, string> Tags { get; set => field = value ?? []; } = [];

        public List<KeyEntry> AccessKeys { get; set => field = value ?? []; } = [];

        public List<RoleEntry> Roles { get; set => field = value ?? []; } = [];

        public List<BucketEntry> Buckets { get; set => field = value ?? []; } = [];

        public Dictionary<string, RegionEntry> Regions { get; set => field = value ?? []; } = [];
    }

    internal sealed class KeyEntry
    {
        public string Id { get; set => field = value ?? string.Empty; } = string.Empty;

        public string Secret { get; set => field = value ?? string.Empty; } = string.Empty;

        public string User { get; set => field = value ?? "tocsin"; } = "tocsin";
    }

    internal sealed class RoleEntry
    {
        public string Name { get; set => field = value ?? string.Empty; } = string.Empty;

        /// <summary>Accounts that may assume the role; "*" for any.</summary>
        public List<string> TrustedAccounts { get; set => field = value ?? []; } = [];

        /// <summary>The trust policy (JSON) GetRole reports, e.g. one trusting <c>events.amazonaws.com</c>; none when absent.</summary>
        public string? TrustPolicy { get; set; }

        /// <summary>Inline policies by name (JSON), as GetRolePolicy reports them.</summary>
        public Dictionary<string, string> Policies { get; set => field = value ?? []; } = [];
    }

    internal sealed class BucketEntry
    {
        public string Name { get; set => field = value ?? string.Empty; } = string.Empty;

        public string Region { get; set => field = value ?? "us-east-1"; } = "us-east-1";

        public string? Policy { get; set; }
    }

    internal sealed class RegionEntry
    {
        public List<TrailEntry> Trails { get; set => field = value ?? []; } = [];

        public List<LogGroupEntry> LogGroups { get; set => field = value ?? []; } = [];

        public List<AlarmEntry> Alarms { get; set => field = value ?? []; } = [];

        public List<TopicEntry> Topics { get; set => field = value ?? []; } = [];

        /// <summary>EventBridge rules on the region's default event bus.</summary>
        public List<RuleEntry> Rules { get; set => field = value ?? []; } = [];
    }

    internal sealed class RuleEntry
    {
        public string Name { get; set => field = value ?? string.Empty; } = string.Empty;

        /// <summary>The event pattern as JSON text, exactly as PutRule would be given it.</summary>
        public string? Pattern { get; set; }

        /// <summary>A schedule (<c>rate(1 day)</c>) for a rule without a pattern.</summary>
        public string? Schedule { get; set; }

        /// <summary>ENABLED (default), DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS.</summary>
        public string State { get; set => field = value ?? "ENABLED"; } = "ENABLED";

        public string? Description { get; set; }

        public List<RuleTargetEntry> Targets { get; set => field = value ?? []; } = [];
    }

    internal sealed class RuleTargetEntry
    {
        /// <summary>The target id; the target's position (<c>target-1</c>, ...) when absent.</summary>
        public string? Id { get; set; }

        /// <summary>A topic name in the same region, or any ARN (another bus, a function, a queue).</summary>
        public string Arn { get; set => field = value ?? string.Empty; } = string.Empty;

        /// <summary>A role name of the same account, or a role ARN: the role EventBridge delivers as.</summary>
        public string? Role { get; set; }

        /// <summary>Constant JSON text sent instead of the event.</summary>
        public string? Input { get; set; }

        /// <summary>The part of the event sent (a JSON path).</summary>
        public string? InputPath { get; set; }

        /// <summary>An input transformer's template; the event's fields are not mapped.</summary>
        public string? InputTemplate { get; set; }
    }

    internal sealed class TrailEntry
    {
        public string Name { get; set => field = value ?? string.Empty; } = string.Empty;

        public bool MultiRegion { get; set; } = true;

        public bool Organization { get; set; }

        public bool Logging { get; set; } = true;

        public string? Bucket { get; set; }

        /// <summary>Name of a log group declared in the same region.</summary>
        public string? LogGroup { get; set; }

        public string LogsRole { get; set => field = value ?? "CloudTrail_CloudWatchLogs_Role"; } = "CloudTrail_CloudWatchLogs_Role";

        /// <summary><c>all</c> (default), <c>readOnly</c>, <c>writeOnly</c> or <c>none</c>: the basic selector's management events.</summary>
        public string ManagementEvents { get; set => field = value ?? "all"; } = "all";

        /// <summary>Advanced event selectors exactly as the API takes them; replaces <see cref="ManagementEvents"/>.</summary>
        public List<object>? AdvancedEventSelectors { get; set; }
    }

    internal sealed class LogGroupEntry
    {
        public string Name { get; set => field = value ?? string.Empty; } = string.Empty;

        public List<FilterEntry> MetricFilters { get; set => field = value ?? []; } = [];
    }

    internal sealed class FilterEntry
    {
        public string Name { get; set => field = value ?? string.Empty; } = string.Empty;

        public string Pattern { get; set => field = value ?? string.Empty; } = string.Empty;

        public string MetricName { get; set => field = value ?? string.Empty; } = string.Empty;

        public string Namespace { get; set => field = value ?? string.Empty; } = string.Empty;

        public string Value { get; set => field = value ?? "1"; } = "1";
    }

    internal sealed class AlarmEntry
    {
        public string Name { get; set => field = value ?? string.Empty; } = string.Empty;

        public string MetricName { get; set => field = value ?? string.Empty; } = string.Empty;

        public string Namespace { get; set => field = value ?? string.Empty; } = string.Empty;

        public string Statistic { get; set => field = value ?? "Sum"; } = "Sum";

        public int Period { get; set; } = 300;

        public int EvaluationPeriods { get; set; } = 1;

        public int? DatapointsToAlarm { get; set; }

        public double Threshold { get; set; } = 1;

        public string Comparison { get; set => field = value ?? "GreaterThanOrEqualToThreshold"; } = "GreaterThanOrEqualToThreshold";

        public string? TreatMissingData { get; set; }

        public bool ActionsEnabled { get; set; } = true;

        /// <summary>Topic names in the same region, or ARNs.</summary>
        public List<string> Actions { get; set => field = value ?? []; } = [];

        public Dictionary<string, string> Dimensions { get; set => field = value ?? []; } = [];
    }

    internal sealed class TopicEntry
    {
        public string Name { get; set => field = value ?? string.Empty; } = string.Empty;

        /// <summary>A topic policy (JSON); when absent, AWS's default policy plus a statement letting CloudWatch publish.</summary>
        public string? Policy { get; set; }

        /// <summary>A customer managed KMS key that encrypts the topic; none when absent.</summary>
        public KmsKeyEntry? KmsKey { get; set; }

        public List<SubscriptionEntry> Subscriptions { get; set => field = value ?? []; } = [];
    }

    internal sealed class KmsKeyEntry
    {
        /// <summary>An alias for the key (<c>alias/NAME</c>); the topic then names the key by it.</summary>
        public string? Alias { get; set; }

        /// <summary>The key policy (JSON); when absent, KMS's default policy plus a statement letting CloudWatch use the key.</summary>
        public string? Policy { get; set; }
    }

    internal sealed class SubscriptionEntry
    {
        public string Protocol { get; set => field = value ?? "email"; } = "email";

        public string Endpoint { get; set => field = value ?? string.Empty; } = string.Empty;

        public bool Confirmed { get; set; } = true;
    }
}
