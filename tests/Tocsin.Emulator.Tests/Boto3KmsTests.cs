namespace Tocsin.Emulator.Tests;

/// <summary>boto3 (the default python3's) makes KMS keys, aliases and key policies and reads them back.</summary>
public sealed class Boto3KmsTests(DefaultScenarioFixture fixture) : IClassFixture<DefaultScenarioFixture>
{
    private Task<System.Text.Json.Nodes.JsonNode> Boto3(string script) => fixture.Boto3Async(script, "testing", "testing");

    [SkippableFact]
    public async Task A_key_created_with_a_policy_reads_back_that_policy_through_its_alias()
    {
        var result = await Boto3("""
            kms = boto3.client('kms', endpoint_url=ENDPOINT)
            policy = json.dumps({'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Principal': {'Service': 'cloudwatch.amazonaws.com'}, 'Action': ['kms:Decrypt', 'kms:GenerateDataKey*'], 'Resource': '*'}]})
            key = kms.create_key(Policy=policy, Description='alarm topic key')['KeyMetadata']
            kms.create_alias(AliasName='alias/boto3-alarms', TargetKeyId=key['KeyId'])
            described = kms.describe_key(KeyId='alias/boto3-alarms')['KeyMetadata']
            read = kms.get_key_policy(KeyId=described['Arn'], PolicyName='default')['Policy']
            print(json.dumps({'arn': key['Arn'], 'described': described['Arn'], 'manager': described['KeyManager'], 'same': read == policy}))
            """);

        result["arn"]!.GetValue<string>().ShouldStartWith("arn:aws:kms:us-east-1:123456789012:key/");
        result["described"]!.GetValue<string>().ShouldBe(result["arn"]!.GetValue<string>());
        result["manager"]!.GetValue<string>().ShouldBe("CUSTOMER");
        result["same"]!.GetValue<bool>().ShouldBeTrue();
    }

    [SkippableFact]
    public async Task A_key_created_without_a_policy_gets_the_default_policy_until_one_is_put()
    {
        var result = await Boto3("""
            kms = boto3.client('kms', endpoint_url=ENDPOINT)
            key = kms.create_key()['KeyMetadata']['KeyId']
            before = json.loads(kms.get_key_policy(KeyId=key)['Policy'])
            kms.put_key_policy(KeyId=key, PolicyName='default', Policy=json.dumps({'Version': '2012-10-17', 'Statement': []}))
            after = json.loads(kms.get_key_policy(KeyId=key)['Policy'])
            print(json.dumps({'before': before['Statement'][0]['Principal']['AWS'], 'after': len(after['Statement'])}))
            """);

        result["before"]!.GetValue<string>().ShouldBe("arn:aws:iam::123456789012:root");
        result["after"]!.GetValue<int>().ShouldBe(0);
    }

    [SkippableFact]
    public async Task Describing_a_key_that_does_not_exist_is_a_not_found_error()
    {
        var result = await Boto3("""
            kms = boto3.client('kms', endpoint_url=ENDPOINT)
            try:
                kms.describe_key(KeyId='alias/no-such-key')
                print(json.dumps({'code': 'none'}))
            except kms.exceptions.NotFoundException as error:
                print(json.dumps({'code': error.response['Error']['Code']}))
            """);

        result["code"]!.GetValue<string>().ShouldBe("NotFoundException");
    }
}
