namespace Tocsin.Emulator.Tests;

/// <summary>CloudTrail's rules about who may change a trail and from where, as boto3 meets them on the demo organization.</summary>
public sealed class TrailRulesTests(DemoOrgFixture fixture) : IClassFixture<DemoOrgFixture>
{
    private async Task<string?> ErrorCode(string call, string key, string secret, string region)
    {
        var result = await fixture.Boto3Async($$"""
            try:
                boto3.client('cloudtrail', endpoint_url=ENDPOINT, config=NO_RETRY).{{call}}
                print(json.dumps({'code': None}))
            except botocore.exceptions.ClientError as e:
                print(json.dumps({'code': e.response['Error']['Code']}))
            """, key, secret, region);
        return result["code"]?.GetValue<string>();
    }

    [SkippableFact]
    public async Task Event_selectors_can_only_be_put_from_the_trails_home_region()
    {
        var code = await ErrorCode("put_event_selectors(TrailName='organization-trail', EventSelectors=[{'ReadWriteType': 'All'}])",
            DemoOrgFixture.ManagementKey, DemoOrgFixture.ManagementSecret, "eu-west-1");
        code.ShouldBe("InvalidHomeRegionException");
    }

    [SkippableFact]
    public async Task A_member_account_cannot_stop_the_organization_trail()
    {
        var code = await ErrorCode("stop_logging(Name='arn:aws:cloudtrail:us-east-1:111111111111:trail/organization-trail')",
            "AKIADEMO000000000002", "demo-secret-prod", "us-east-1");
        code.ShouldBe("NotOrganizationMasterAccountException");
    }

    [SkippableFact]
    public async Task A_trail_cannot_be_created_for_a_bucket_that_does_not_exist()
    {
        var code = await ErrorCode("create_trail(Name='no-bucket', S3BucketName='no-such-bucket-anywhere')",
            "AKIADEMO000000000009", "demo-secret-no-trail", "us-east-1");
        code.ShouldBe("S3BucketDoesNotExistException");
    }

    [SkippableFact]
    public async Task An_unknown_trail_is_TrailNotFoundException()
    {
        var code = await ErrorCode("get_trail_status(Name='never-made')", "AKIADEMO000000000009", "demo-secret-no-trail", "us-east-1");
        code.ShouldBe("TrailNotFoundException");
    }

    [SkippableFact]
    public async Task A_member_account_may_not_list_the_organizations_accounts()
    {
        var result = await fixture.Boto3Async("""
            try:
                boto3.client('organizations', endpoint_url=ENDPOINT, config=NO_RETRY).list_accounts()
                print(json.dumps({'code': None}))
            except botocore.exceptions.ClientError as e:
                print(json.dumps({'code': e.response['Error']['Code']}))
            """, "AKIADEMO000000000002", "demo-secret-prod");
        result["code"]!.GetValue<string>().ShouldBe("AccessDeniedException");
    }

    [SkippableFact]
    public async Task Describe_log_groups_pages_fifty_at_a_time()
    {
        var result = await fixture.Boto3Async("""
            logs = boto3.client('logs', endpoint_url=ENDPOINT)
            for i in range(60):
                logs.create_log_group(logGroupName='paged-%02d' % i)
            pages = list(logs.get_paginator('describe_log_groups').paginate(logGroupNamePrefix='paged-'))
            print(json.dumps({'sizes': [len(p['logGroups']) for p in pages]}))
            """, "AKIADEMO000000000009", "demo-secret-no-trail", "eu-west-1");
        result["sizes"]!.AsArray().Select(n => n!.GetValue<int>()).ShouldBe([50, 10]);
    }
}
