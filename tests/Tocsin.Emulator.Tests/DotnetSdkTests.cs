using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

namespace Tocsin.Emulator.Tests;

/// <summary>The AWS SDK for .NET (what Tocsin's own AWS access builds on) signs requests the emulator accepts.</summary>
public sealed class DotnetSdkTests(DemoOrgFixture fixture) : IClassFixture<DemoOrgFixture>
{
    private AmazonSecurityTokenServiceClient Sts(AWSCredentials credentials) => new(credentials, new AmazonSecurityTokenServiceConfig
    {
        ServiceURL = fixture.Emulator.Endpoint.ToString(),
        AuthenticationRegion = "us-east-1",
        MaxErrorRetry = 0,
    });

    [Fact]
    public async Task The_dotnet_sdk_assumes_a_role_and_acts_in_the_member_account()
    {
        using var management = Sts(new BasicAWSCredentials(DemoOrgFixture.ManagementKey, DemoOrgFixture.ManagementSecret));
        var assumed = await management.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = "arn:aws:iam::222222222222:role/OrganizationAccountAccessRole", RoleSessionName = "dotnet" });

        using var member = Sts(new SessionAWSCredentials(assumed.Credentials.AccessKeyId, assumed.Credentials.SecretAccessKey, assumed.Credentials.SessionToken));
        var identity = await member.GetCallerIdentityAsync(new GetCallerIdentityRequest());
        identity.Account.ShouldBe("222222222222");
    }

    [Fact]
    public async Task The_dotnet_sdk_sees_SignatureDoesNotMatch_for_a_wrong_secret()
    {
        using var sts = Sts(new BasicAWSCredentials(DemoOrgFixture.ManagementKey, "wrong-secret"));
        var problem = await Should.ThrowAsync<AmazonSecurityTokenServiceException>(() => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest()));
        problem.ErrorCode.ShouldBe("SignatureDoesNotMatch");
    }
}
