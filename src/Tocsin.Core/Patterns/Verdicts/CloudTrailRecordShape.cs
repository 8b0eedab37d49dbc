using Tocsin.Core.Patterns.Syntax;

namespace Tocsin.Core.Patterns.Verdicts;

/// <summary>What kind of value a selector can find in a CloudTrail record.</summary>
internal enum FieldKind
{
    /// <summary>No CloudTrail record has this field (e.g. <c>$.eventname</c>: field names are case-sensitive).</summary>
    Absent,
    String,
    Boolean,
    Object,
    Array,

    /// <summary>Service-specific content (requestParameters, additionalEventData...): any JSON value.</summary>
    Free,
}

/// <summary>
/// The shape of a CloudTrail record (CloudTrail record contents, userIdentity element), so that verdicts are
/// decided over the records CloudTrail can write rather than over all JSON: a pattern on a field CloudTrail never
/// writes can never fire, and eventName is always a string.
/// </summary>
internal static class CloudTrailRecordShape
{
    private static readonly Dictionary<string, FieldKind> TopLevel = new(StringComparer.Ordinal)
    {
        ["eventVersion"] = FieldKind.String,
        ["eventTime"] = FieldKind.String,
        ["eventSource"] = FieldKind.String,
        ["eventName"] = FieldKind.String,
        ["awsRegion"] = FieldKind.String,
        ["sourceIPAddress"] = FieldKind.String,
        ["userAgent"] = FieldKind.String,
        ["errorCode"] = FieldKind.String,
        ["errorMessage"] = FieldKind.String,
        ["requestID"] = FieldKind.String,
        ["eventID"] = FieldKind.String,
        ["eventType"] = FieldKind.String,
        ["apiVersion"] = FieldKind.String,
        ["recipientAccountId"] = FieldKind.String,
        ["sharedEventID"] = FieldKind.String,
        ["vpcEndpointId"] = FieldKind.String,
        ["vpcEndpointAccountId"] = FieldKind.String,
        ["eventCategory"] = FieldKind.String,
        ["sessionCredentialFromConsole"] = FieldKind.String,
        ["readOnly"] = FieldKind.Boolean,
        ["managementEvent"] = FieldKind.Boolean,
        ["userIdentity"] = FieldKind.Object,
        ["requestParameters"] = FieldKind.Free,
        ["responseElements"] = FieldKind.Free,
        ["additionalEventData"] = FieldKind.Free,
        ["serviceEventDetails"] = FieldKind.Free,
        ["tlsDetails"] = FieldKind.Free,
        ["insightDetails"] = FieldKind.Free,
        ["edgeDeviceDetails"] = FieldKind.Free,
        ["addendum"] = FieldKind.Free,
        ["resources"] = FieldKind.Array,
    };

    private static readonly Dictionary<string, FieldKind> UserIdentity = new(StringComparer.Ordinal)
    {
        ["type"] = FieldKind.String,
        ["principalId"] = FieldKind.String,
        ["arn"] = FieldKind.String,
        ["accountId"] = FieldKind.String,
        ["accessKeyId"] = FieldKind.String,
        ["userName"] = FieldKind.String,
        ["invokedBy"] = FieldKind.String,
        ["identityProvider"] = FieldKind.String,
        ["credentialId"] = FieldKind.String,
        ["sessionContext"] = FieldKind.Free,
        ["onBehalfOf"] = FieldKind.Free,
        ["inScopeOf"] = FieldKind.Free,
    };

    // Fields every CloudTrail record carries; a record without them is not in the space of real records.
    private static readonly HashSet<string> AlwaysPresent = new(StringComparer.Ordinal)
    {
        "$.eventVersion", "$.eventTime", "$.eventSource", "$.eventName", "$.awsRegion", "$.eventID", "$.eventType",
        "$.userIdentity", "$.userIdentity.type",
    };

    // Values CloudTrail writes in fields whose values are few; they make examples read like real records.
    private static readonly Dictionary<string, string[]> Typical = new(StringComparer.Ordinal)
    {
        ["$.additionalEventData.MFAUsed"] = ["No", "Yes"],
        ["$.responseElements.ConsoleLogin"] = ["Success", "Failure"],
        ["$.userIdentity.type"] = ["IAMUser", "Root", "AssumedRole", "FederatedUser", "AWSService", "IdentityCenterUser"],
        ["$.eventType"] = ["AwsApiCall", "AwsConsoleSignIn", "AwsServiceEvent", "AwsConsoleAction"],
        ["$.eventName"] = ["GetUser"],
    };

    // Fields whose every value CloudTrail writes is listed (or the field is absent). A pattern that differs from
    // the reference only on other values differs only on records CloudTrail never writes.
    private static readonly Dictionary<string, HashSet<string>> Closed = new(StringComparer.Ordinal)
    {
        ["$.additionalEventData.MFAUsed"] = ["No", "Yes"],
        ["$.responseElements.ConsoleLogin"] = ["Success", "Failure"],
        ["$.userIdentity.type"] = ["IAMUser", "Root", "AssumedRole", "Role", "FederatedUser", "Directory", "AWSAccount", "AWSService", "IdentityCenterUser", "SAMLUser", "WebIdentityUser", "Unknown"],
        ["$.eventType"] = ["AwsApiCall", "AwsServiceEvent", "AwsConsoleAction", "AwsConsoleSignIn", "AwsCloudTrailInsight", "AwsVpceEvent"],
    };

    /// <summary>The values CloudTrail writes in this field, when they are a known closed set; else null.</summary>
    public static IReadOnlySet<string>? ClosedDomain(JsonSelector selector) =>
        Closed.TryGetValue(Canonical(selector), out var values) ? values : null;

    public static IReadOnlyList<string> TypicalValues(JsonSelector selector) =>
        Typical.TryGetValue(Canonical(selector), out var values) ? values : [];

    public static bool IsAlwaysPresent(JsonSelector selector) => AlwaysPresent.Contains(Canonical(selector));

    private static string Canonical(JsonSelector selector) =>
        "$" + string.Concat(selector.Steps.Select(step => step is PropertyStep property ? "." + property.Name : "?"));

    public static FieldKind KindOf(JsonSelector selector) =>
        CaseTypo(selector) is null ? DeclaredKindOf(selector) : FieldKind.Absent;

    /// <summary>The first property name of the selector that misspells, in case only, a key CloudTrail writes.</summary>
    public static (string Typo, string Known)? CaseTypo(JsonSelector selector)
    {
        var path = "$";
        foreach (var step in selector.Steps)
        {
            if (step is not PropertyStep { Name: var name })
            {
                return null;
            }

            if (KnownSpelling(path, name) is { } known)
            {
                return (name, known);
            }

            path += "." + name;
        }

        return null;
    }

    private static FieldKind DeclaredKindOf(JsonSelector selector)
    {
        var steps = selector.Steps;
        if (steps[0] is AnyPropertyStep)
        {
            return FieldKind.Free;
        }

        if (steps[0] is not PropertyStep { Name: var top } || !TopLevel.TryGetValue(top, out var kind))
        {
            return FieldKind.Absent;
        }

        if (steps.Count == 1)
        {
            return kind;
        }

        return kind switch
        {
            FieldKind.Free or FieldKind.Array => FieldKind.Free,
            FieldKind.Object => steps[1] switch
            {
                AnyPropertyStep => FieldKind.Free,
                PropertyStep { Name: var name } when UserIdentity.TryGetValue(name, out var inner) =>
                    steps.Count == 2 ? inner : inner == FieldKind.Free ? FieldKind.Free : FieldKind.Absent,
                _ => FieldKind.Absent,
            },
            _ => FieldKind.Absent,
        };
    }

    /// <summary>The key CloudTrail writes at <paramref name="path"/> that <paramref name="name"/> misspells in case only.</summary>
    private static string? KnownSpelling(string path, string name)
    {
        var declared = path switch
        {
            "$" => TopLevel.Keys,
            "$.userIdentity" => UserIdentity.Keys,
            _ => null,
        };
        return declared is null
            ? KnownRecords.CaseTypoOf(path, name)
            : declared.FirstOrDefault(known => known != name && string.Equals(known, name, StringComparison.OrdinalIgnoreCase));
    }
}
