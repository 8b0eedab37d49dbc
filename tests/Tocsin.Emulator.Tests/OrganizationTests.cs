namespace Tocsin.Emulator.Tests;

/// <summary>The demo organization through boto3: accounts, paging, AssumeRole and what members see of the organization trail.</summary>
public sealed class OrganizationTests(DemoOrgFixture fixture) : IClassFixture<DemoOrgFixture>
{
    private Task<System.Text.Json.Nodes.JsonNode> AsManagement(string script, string region = "us-east-1") =>
        fixture.Boto3Async(script, DemoOrgFixture.ManagementKey, DemoOrgFixture.ManagementSecret, region);

    [SkippableFact]
    public async Task ListAccounts_pages_through_every_member_of_the_organization()
    {
        var result = await AsManagement("""
            org = boto3.client('organizations', endpoint_url=ENDPOINT)
            pages = list(org.get_paginator('list_accounts').paginate(PaginationConfig={'PageSize': 2}))
            print(json.dumps({'pages': len(pages), 'ids': [a['Id'] for p in pages for a in p['Accounts']]}))
            """);
        result["pages"]!.GetValue<int>().ShouldBe(2);
        result["ids"]!.AsArray().Select(id => id!.GetValue<string>()).ShouldBe(["111111111111", "222222222222", "333333333333"]);
    }

    [SkippableFact]
    public async Task Assuming_the_organization_role_gives_credentials_that_act_in_the_member_account()
    {
        var result = await AsManagement("""
            creds = boto3.client('sts', endpoint_url=ENDPOINT).assume_role(RoleArn='arn:aws:iam::222222222222:role/OrganizationAccountAccessRole', RoleSessionName='scan')['Credentials']
            member = boto3.Session(aws_access_key_id=creds['AccessKeyId'], aws_secret_access_key=creds['SecretAccessKey'], aws_session_token=creds['SessionToken'], region_name='eu-west-1')
            me = member.client('sts', endpoint_url=ENDPOINT).get_caller_identity()
            trails = member.client('cloudtrail', endpoint_url=ENDPOINT).describe_trails()['trailList']
            print(json.dumps({'account': me['Account'], 'arn': me['Arn'], 'trails': [[t['TrailARN'], t['IsOrganizationTrail'], t['HomeRegion']] for t in trails]}))
            """);
        result["account"]!.GetValue<string>().ShouldBe("222222222222");
        result["arn"]!.GetValue<string>().ShouldBe("arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/scan");
        var trail = result["trails"]!.AsArray().ShouldHaveSingleItem()!.AsArray();
        trail[0]!.GetValue<string>().ShouldBe("arn:aws:cloudtrail:us-east-1:111111111111:trail/organization-trail");
        trail[1]!.GetValue<bool>().ShouldBeTrue();
    }

    [SkippableFact]
    public async Task A_standalone_account_cannot_be_entered_through_the_organization_role()
    {
        var result = await AsManagement("""
            try:
                boto3.client('sts', endpoint_url=ENDPOINT, config=NO_RETRY).assume_role(RoleArn='arn:aws:iam::444444444444:role/OrganizationAccountAccessRole', RoleSessionName='scan')
                print(json.dumps({'code': None}))
            except botocore.exceptions.ClientError as e:
                print(json.dumps({'code': e.response['Error']['Code']}))
            """);
        result["code"]!.GetValue<string>().ShouldBe("AccessDenied");
    }

    [SkippableFact]
    public async Task A_standalone_account_sees_only_its_own_trail()
    {
        var result = await fixture.Boto3Async("""
            print(json.dumps([t['TrailARN'] for t in boto3.client('cloudtrail', endpoint_url=ENDPOINT).describe_trails()['trailList']]))
            """, "AKIADEMO000000000004", "demo-secret-reordered");
        result.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["arn:aws:cloudtrail:us-east-1:444444444444:trail/management-events"]);
    }

    [SkippableFact]
    public async Task The_pending_account_has_only_a_pending_subscription_until_the_control_call_confirms_it()
    {
        var pending = fixture.Emulator.Control.PendingSubscriptions().Where(p => p.TopicArn.Contains(":666666666666:", StringComparison.Ordinal)).ToList();
        pending.ShouldHaveSingleItem().Protocol.ShouldBe("email");
    }
}
