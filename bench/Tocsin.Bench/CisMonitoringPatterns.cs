namespace Tocsin.Bench;

/// <summary>
/// The CIS CloudTrail monitoring patterns as AWS Security Hub publishes them (CloudWatch.1 to CloudWatch.14) plus
/// the CIS AWS Organizations changes pattern. Kept here until the control catalog carries them.
/// </summary>
internal static class CisMonitoringPatterns
{
    public const string ConsoleSignInWithoutMfa = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }";

    public static readonly IReadOnlyList<(string Control, string Pattern)> All =
    [
        ("CloudWatch.1", "{$.userIdentity.type=\"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType !=\"AwsServiceEvent\"}"),
        ("CloudWatch.2", "{($.errorCode=\"*UnauthorizedOperation\") || ($.errorCode=\"AccessDenied*\")}"),
        ("CloudWatch.3", ConsoleSignInWithoutMfa),
        ("CloudWatch.4", "{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}"),
        ("CloudWatch.5", "{($.eventName=CreateTrail)||($.eventName=UpdateTrail)||($.eventName=DeleteTrail)||($.eventName=StartLogging)||($.eventName=StopLogging)}"),
        ("CloudWatch.6", "{($.eventName=ConsoleLogin)&&($.errorMessage=\"Failed authentication\")}"),
        ("CloudWatch.7", "{($.eventSource=kms.amazonaws.com)&&(($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion))}"),
        ("CloudWatch.8", "{($.eventSource=s3.amazonaws.com)&&(($.eventName=PutBucketAcl)||($.eventName=PutBucketPolicy)||($.eventName=PutBucketCors)||($.eventName=PutBucketLifecycle)||($.eventName=PutBucketReplication)||($.eventName=DeleteBucketPolicy)||($.eventName=DeleteBucketCors)||($.eventName=DeleteBucketLifecycle)||($.eventName=DeleteBucketReplication))}"),
        ("CloudWatch.9", "{($.eventSource=config.amazonaws.com)&&(($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel)||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder))}"),
        ("CloudWatch.10", "{($.eventName=AuthorizeSecurityGroupIngress)||($.eventName=AuthorizeSecurityGroupEgress)||($.eventName=RevokeSecurityGroupIngress)||($.eventName=RevokeSecurityGroupEgress)||($.eventName=CreateSecurityGroup)||($.eventName=DeleteSecurityGroup)}"),
        ("CloudWatch.11", "{($.eventName=CreateNetworkAcl)||($.eventName=CreateNetworkAclEntry)||($.eventName=DeleteNetworkAcl)||($.eventName=DeleteNetworkAclEntry)||($.eventName=ReplaceNetworkAclEntry)||($.eventName=ReplaceNetworkAclAssociation)}"),
        ("CloudWatch.12", "{($.eventName=CreateCustomerGateway)||($.eventName=DeleteCustomerGateway)||($.eventName=AttachInternetGateway)||($.eventName=CreateInternetGateway)||($.eventName=DeleteInternetGateway)||($.eventName=DetachInternetGateway)}"),
        ("CloudWatch.13", "{($.eventSource=ec2.amazonaws.com)&&(($.eventName=CreateRoute)||($.eventName=CreateRouteTable)||($.eventName=ReplaceRoute)||($.eventName=ReplaceRouteTableAssociation)||($.eventName=DeleteRouteTable)||($.eventName=DeleteRoute)||($.eventName=DisassociateRouteTable))}"),
        ("CloudWatch.14", "{($.eventName=CreateVpc)||($.eventName=DeleteVpc)||($.eventName=ModifyVpcAttribute)||($.eventName=AcceptVpcPeeringConnection)||($.eventName=CreateVpcPeeringConnection)||($.eventName=DeleteVpcPeeringConnection)||($.eventName=RejectVpcPeeringConnection)||($.eventName=AttachClassicLinkVpc)||($.eventName=DetachClassicLinkVpc)||($.eventName=DisableVpcClassicLink)||($.eventName=EnableVpcClassicLink)}"),
        ("CIS Organizations changes", "{($.eventSource=organizations.amazonaws.com)&&(($.eventName=\"AcceptHandshake\")||($.eventName=\"AttachPolicy\")||($.eventName=\"CreateAccount\")||($.eventName=\"CreateOrganizationalUnit\")||($.eventName=\"CreatePolicy\")||($.eventName=\"DeclineHandshake\")||($.eventName=\"DeleteOrganization\")||($.eventName=\"DeleteOrganizationalUnit\")||($.eventName=\"DeletePolicy\")||($.eventName=\"DetachPolicy\")||($.eventName=\"DisablePolicyType\")||($.eventName=\"EnablePolicyType\")||($.eventName=\"InviteAccountToOrganization\")||($.eventName=\"LeaveOrganization\")||($.eventName=\"MoveAccount\")||($.eventName=\"RemoveAccountFromOrganization\")||($.eventName=\"UpdatePolicy\")||($.eventName=\"UpdateOrganizationalUnit\"))}"),
    ];
}
