namespace Tocsin.Backtest.Sql;

/// <summary>What a table column holds, and so which conditions on it can be written exactly.</summary>
internal enum ColumnKind
{
    /// <summary>A field CloudTrail writes as a JSON string, in a string column.</summary>
    Text,

    /// <summary>A field CloudTrail writes as a JSON boolean, in a string column holding <c>true</c>/<c>false</c> (Athena).</summary>
    BooleanText,

    /// <summary>A field CloudTrail writes as a JSON boolean, in a boolean column.</summary>
    Boolean,

    /// <summary>A field holding a JSON object, kept as its JSON text (Athena's <c>requestparameters</c>...).</summary>
    JsonText,

    /// <summary>A field holding a JSON object, kept as a <c>map&lt;string,string&gt;</c> of its properties (CloudTrail Lake).</summary>
    TextMap,

    /// <summary>A JSON object kept as a struct column: only its fields are reachable.</summary>
    Struct,

    /// <summary>A column whose type loses what CloudWatch compares (timestamps, arrays of structs).</summary>
    Opaque,
}

/// <summary>One field of the CloudTrail record (named exactly as CloudTrail writes it) and the column holding it.</summary>
internal sealed record ColumnField(string Name, string Column, ColumnKind Kind, IReadOnlyDictionary<string, ColumnField> Fields);

/// <summary>
/// The CloudTrail record as a dialect's table declares it. Athena: the <c>CREATE EXTERNAL TABLE cloudtrail_logs</c>
/// of the Athena user guide ("Create a table for CloudTrail logs in Athena using manual partitioning"). CloudTrail
/// Lake: "Supported schema for CloudTrail event record fields" of the CloudTrail user guide.
/// </summary>
internal sealed class CloudTrailColumns
{
    private CloudTrailColumns(string dialectName, IEnumerable<ColumnField> fields)
    {
        DialectName = dialectName;
        Fields = fields.ToDictionary(field => field.Name, StringComparer.Ordinal);
    }

    public string DialectName { get; }

    /// <summary>Top-level fields by their CloudTrail name (case-sensitive, as CloudWatch selects them).</summary>
    public IReadOnlyDictionary<string, ColumnField> Fields { get; }

    public static CloudTrailColumns Athena { get; } = new("Athena", CommonFields(lake: false).Concat(
    [
        Field("readOnly", ColumnKind.BooleanText),
        Field("eventTime", ColumnKind.Text),
        Field("requestParameters", ColumnKind.JsonText),
        Field("responseElements", ColumnKind.JsonText),
        Field("additionalEventData", ColumnKind.JsonText),
        Field("serviceEventDetails", ColumnKind.JsonText),
        Field("sessionCredentialFromConsole", ColumnKind.Text),
        Field("edgeDeviceDetails", ColumnKind.Opaque),
    ]));

    public static CloudTrailColumns Lake { get; } = new("CloudTrail Lake", CommonFields(lake: true).Concat(
    [
        Field("readOnly", ColumnKind.Boolean),
        Field("managementEvent", ColumnKind.Boolean),
        Field("eventTime", ColumnKind.Opaque),
        Field("requestParameters", ColumnKind.TextMap),
        Field("responseElements", ColumnKind.TextMap),
        Field("additionalEventData", ColumnKind.TextMap),
        Field("serviceEventDetails", ColumnKind.TextMap),
        Field("sessionCredentialFromConsole", ColumnKind.Text),
    ]));

    private static IEnumerable<ColumnField> CommonFields(bool lake) =>
    [
        Field("eventVersion", ColumnKind.Text),
        Struct("userIdentity",
            Field("type", ColumnKind.Text),
            Field("principalId", ColumnKind.Text),
            Field("arn", ColumnKind.Text),
            Field("accountId", ColumnKind.Text),
            Field("invokedBy", ColumnKind.Text),
            Field("accessKeyId", ColumnKind.Text),
            Field("userName", ColumnKind.Text),
            Struct("onBehalfOf", Field("userId", ColumnKind.Text), Field("identityStoreArn", ColumnKind.Text)),
            Struct("sessionContext",
                Struct("attributes",
                    Field("mfaAuthenticated", ColumnKind.Text),
                    Field("creationDate", lake ? ColumnKind.Opaque : ColumnKind.Text)),
                Struct("sessionIssuer",
                    Field("type", ColumnKind.Text),
                    Field("principalId", ColumnKind.Text),
                    Field("arn", ColumnKind.Text),
                    Field("accountId", ColumnKind.Text),
                    Field("userName", ColumnKind.Text)),
                Field("ec2RoleDelivery", ColumnKind.Text),
                Struct("webIdFederationData", Field("federatedProvider", ColumnKind.Text), Field("attributes", ColumnKind.Opaque)))),
        Field("eventSource", ColumnKind.Text),
        Field("eventName", ColumnKind.Text),
        Field("awsRegion", ColumnKind.Text),
        Field("sourceIPAddress", ColumnKind.Text),
        Field("userAgent", ColumnKind.Text),
        Field("errorCode", ColumnKind.Text),
        Field("errorMessage", ColumnKind.Text),
        Field("requestID", ColumnKind.Text),
        Field("eventID", ColumnKind.Text),
        Field("resources", ColumnKind.Opaque),
        Field("eventType", ColumnKind.Text),
        Field("apiVersion", ColumnKind.Text),
        Field("recipientAccountId", ColumnKind.Text),
        Field("sharedEventID", ColumnKind.Text),
        Field("vpcEndpointId", ColumnKind.Text),
        Field("vpcEndpointAccountId", ColumnKind.Text),
        Field("eventCategory", ColumnKind.Text),
        Struct("addendum",
            Field("reason", ColumnKind.Text),
            Field("updatedFields", ColumnKind.Text),
            Field("originalRequestID", ColumnKind.Text),
            Field("originalEventID", ColumnKind.Text)),
        Struct("tlsDetails",
            Field("tlsVersion", ColumnKind.Text),
            Field("cipherSuite", ColumnKind.Text),
            Field("clientProvidedHostHeader", ColumnKind.Text)),
    ];

    private static ColumnField Field(string name, ColumnKind kind) =>
        new(name, name.ToLowerInvariant(), kind, new Dictionary<string, ColumnField>(StringComparer.Ordinal));

    private static ColumnField Struct(string name, params ColumnField[] fields) =>
        new(name, name.ToLowerInvariant(), ColumnKind.Struct, fields.ToDictionary(field => field.Name, StringComparer.Ordinal));
}
