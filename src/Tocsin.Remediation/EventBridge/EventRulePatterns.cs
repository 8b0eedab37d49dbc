using System.Text.Json.Nodes;
using Tocsin.Core.Inventory;
using static Tocsin.Core.JsonNodes;

namespace Tocsin.Remediation.EventBridge;

/// <summary>
/// The EventBridge rule Tocsin deploys for a control: an event pattern on the events CloudTrail delivers to the default
/// bus, and the rule state that lets those events reach it. A control is here only when
/// <c>EventPatternJudge.Judge(pattern, control)</c> calls its pattern equivalent to the control's reference or broader
/// (a test holds every entry to that); a control without one is refused in words.
/// </summary>
public static class EventRulePatterns
{
    private const string SignIn = "AWS Console Sign In via CloudTrail";

    private static readonly Dictionary<string, EventRuleDefinition> Rules = new(StringComparer.Ordinal)
    {
        // AWS's anything-but "Yes" also matches a sign-in with no MFAUsed at all (the judge calls it broader): a root or
        // federated sign-in without the field still alerts, as the metric filter's != does not.
        ["console-signin-without-mfa"] = Rule(new JsonObject
        {
            ["source"] = Strings("aws.signin"),
            ["detail-type"] = Strings(SignIn),
            ["detail"] = new JsonObject
            {
                ["eventName"] = Strings("ConsoleLogin"),
                ["additionalEventData"] = new JsonObject { ["MFAUsed"] = new JsonArray(new JsonObject { ["anything-but"] = "Yes" }) },
            },
        }),
        ["console-auth-failures"] = Rule(new JsonObject
        {
            ["source"] = Strings("aws.signin"),
            ["detail-type"] = Strings(SignIn),
            ["detail"] = new JsonObject { ["eventName"] = Strings("ConsoleLogin"), ["errorMessage"] = Strings("Failed authentication") },
        }),
        // Every action of the root user, read-only calls included: only a rule in state
        // ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS hears Describe*, Get* and List* calls.
        ["root-account-usage"] = new(new JsonObject
        {
            ["detail"] = new JsonObject
            {
                ["userIdentity"] = new JsonObject { ["type"] = Strings("Root"), ["invokedBy"] = new JsonArray(new JsonObject { ["exists"] = false }) },
                ["eventType"] = new JsonArray(new JsonObject { ["anything-but"] = "AwsServiceEvent" }),
            },
        }.ToJsonString(), EventRuleState.EnabledWithAllCloudTrailManagementEvents),

        // Refused calls of every kind, read-only ones included (same state as above).
        ["unauthorized-api-calls"] = new(new JsonObject
        {
            ["detail"] = new JsonObject
            {
                ["errorCode"] = new JsonArray(new JsonObject { ["suffix"] = "UnauthorizedOperation" }, new JsonObject { ["prefix"] = "AccessDenied" }),
            },
        }.ToJsonString(), EventRuleState.EnabledWithAllCloudTrailManagementEvents),
        ["iam-policy-changes"] = Calls(null, "DeleteGroupPolicy", "DeleteRolePolicy", "DeleteUserPolicy", "PutGroupPolicy", "PutRolePolicy", "PutUserPolicy",
            "CreatePolicy", "DeletePolicy", "CreatePolicyVersion", "DeletePolicyVersion", "AttachRolePolicy", "DetachRolePolicy", "AttachUserPolicy",
            "DetachUserPolicy", "AttachGroupPolicy", "DetachGroupPolicy"),
        ["cloudtrail-config-changes"] = Calls(null, "CreateTrail", "UpdateTrail", "DeleteTrail", "StartLogging", "StopLogging"),
        ["cmk-disable-or-delete"] = Calls("kms.amazonaws.com", "DisableKey", "ScheduleKeyDeletion"),
        ["s3-bucket-policy-changes"] = Calls("s3.amazonaws.com", "PutBucketAcl", "PutBucketPolicy", "PutBucketCors", "PutBucketLifecycle", "PutBucketReplication",
            "DeleteBucketPolicy", "DeleteBucketCors", "DeleteBucketLifecycle", "DeleteBucketReplication"),
        ["config-changes"] = Calls("config.amazonaws.com", "StopConfigurationRecorder", "DeleteDeliveryChannel", "PutDeliveryChannel", "PutConfigurationRecorder"),
        ["security-group-changes"] = Calls(null, "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress", "RevokeSecurityGroupIngress",
            "RevokeSecurityGroupEgress", "CreateSecurityGroup", "DeleteSecurityGroup"),
        ["nacl-changes"] = Calls(null, "CreateNetworkAcl", "CreateNetworkAclEntry", "DeleteNetworkAcl", "DeleteNetworkAclEntry", "ReplaceNetworkAclEntry",
            "ReplaceNetworkAclAssociation"),
        ["network-gateway-changes"] = Calls(null, "CreateCustomerGateway", "DeleteCustomerGateway", "AttachInternetGateway", "CreateInternetGateway",
            "DeleteInternetGateway", "DetachInternetGateway"),
        ["route-table-changes"] = Calls(null, "CreateRoute", "CreateRouteTable", "ReplaceRoute", "ReplaceRouteTableAssociation", "DeleteRouteTable",
            "DeleteRoute", "DisassociateRouteTable"),
        ["vpc-changes"] = Calls(null, "CreateVpc", "DeleteVpc", "ModifyVpcAttribute", "AcceptVpcPeeringConnection", "CreateVpcPeeringConnection",
            "DeleteVpcPeeringConnection", "RejectVpcPeeringConnection", "AttachClassicLinkVpc", "DetachClassicLinkVpc", "DisableVpcClassicLink",
            "EnableVpcClassicLink"),
        ["organizations-changes"] = Calls("organizations.amazonaws.com", "AcceptHandshake", "AttachPolicy", "CreateAccount", "CreateOrganizationalUnit", "CreatePolicy",
            "DeclineHandshake", "DeleteOrganization", "DeleteOrganizationalUnit", "DeletePolicy", "DetachPolicy", "DisablePolicyType", "EnablePolicyType",
            "InviteAccountToOrganization", "LeaveOrganization", "MoveAccount", "RemoveAccountFromOrganization", "UpdatePolicy", "UpdateOrganizationalUnit"),
    };

    /// <summary>The controls Tocsin writes an EventBridge rule for, sorted.</summary>
    public static IReadOnlyList<string> Supported { get; } = [.. Rules.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The rule for a control, or null (then <see cref="WhyNot"/> says why).</summary>
    public static EventRuleDefinition? For(string controlId) => Rules.GetValueOrDefault(controlId);

    /// <summary>Why a control has no EventBridge rule Tocsin deploys.</summary>
    public static string WhyNot(string controlId) =>
        $"{controlId} has no EventBridge rule whose pattern Tocsin has judged to catch every event the control's metric filter catches";

    private static EventRuleDefinition Rule(JsonObject pattern) => new(pattern.ToJsonString(), EventRuleState.Enabled);

    /// <summary>
    /// Events by name, of one event source when the control's filter names one. Like the filter, the pattern leaves
    /// <c>source</c> and <c>detail-type</c> open: the filter catches these names whatever kind of record carries them,
    /// and a rule narrowed to API calls would be judged to miss the rest. Each name is a call that changes something,
    /// which an ENABLED rule hears (only read-only calls need ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS).
    /// </summary>
    private static EventRuleDefinition Calls(string? eventSource, params string[] eventNames)
    {
        var detail = new JsonObject();
        if (eventSource is not null)
        {
            detail["eventSource"] = Strings(eventSource);
        }

        detail["eventName"] = Strings(eventNames);
        return Rule(new JsonObject { ["detail"] = detail });
    }
}

/// <summary>A rule's event pattern (compact JSON text) and the state it is deployed in.</summary>
public sealed record EventRuleDefinition(string Pattern, EventRuleState State)
{
    /// <summary>The state as PutRule, CloudFormation and Terraform spell it.</summary>
    public string StateName => State switch
    {
        EventRuleState.EnabledWithAllCloudTrailManagementEvents => "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS",
        EventRuleState.Disabled => "DISABLED",
        _ => "ENABLED",
    };
}
