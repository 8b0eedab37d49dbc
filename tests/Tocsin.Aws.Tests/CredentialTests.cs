using Tocsin.Aws.Collection;
using Tocsin.Aws.Credentials;
using Tocsin.Aws.Http;
using Tocsin.Emulator;

namespace Tocsin.Aws.Tests;

[Collection(ProcessEnvironment.Name)]
public sealed class CredentialTests : IDisposable
{
    private readonly IsolatedAwsEnvironment _environment = new();

    public void Dispose() => _environment.Dispose();

    [Fact]
    public void Keys_in_the_environment_are_found_by_the_default_chain()
    {
        _environment.Set("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENT00001");
        _environment.Set("AWS_SECRET_ACCESS_KEY", "environment-secret");
        _environment.Set("AWS_REGION", "eu-west-1");
        var resolved = AwsCredentialSource.Resolve(new CredentialOptions());
        resolved.Credentials.GetCredentials().AccessKey.ShouldBe("AKIAENVIRONMENT00001");
        resolved.ToString().ShouldBe("environment variables in eu-west-1");
    }

    [Fact]
    public void A_named_profile_gives_its_keys_and_its_region()
    {
        _environment.WriteCredentials("[audit]\naws_access_key_id = AKIAPROFILE000000001\naws_secret_access_key = profile-secret\n");
        _environment.WriteConfig("[profile audit]\nregion = ap-southeast-2\n");
        var resolved = AwsCredentialSource.Resolve(new CredentialOptions(Profile: "audit"));
        resolved.Credentials.GetCredentials().AccessKey.ShouldBe("AKIAPROFILE000000001");
        resolved.ToString().ShouldBe("profile audit in ap-southeast-2");
    }

    [Fact]
    public void An_explicit_region_wins_over_the_environment_and_the_profile()
    {
        _environment.WriteCredentials("[audit]\naws_access_key_id = AKIAPROFILE000000001\naws_secret_access_key = profile-secret\n");
        _environment.Set("AWS_REGION", "eu-west-1");
        AwsCredentialSource.Resolve(new CredentialOptions(Profile: "audit", Region: "us-west-2")).Region.ShouldBe("us-west-2");
    }

    [Fact]
    public void An_unknown_profile_is_refused_by_name()
    {
        Should.Throw<AwsConfigurationException>(() => AwsCredentialSource.Resolve(new CredentialOptions(Profile: "nope")))
            .Message.ShouldStartWith("The profile 'nope' is not in the shared config or credentials file");
    }

    [Fact]
    public void Without_any_credentials_the_user_is_told_where_to_put_them()
    {
        Should.Throw<AwsConfigurationException>(() => AwsCredentialSource.Resolve(new CredentialOptions()))
            .Message.ShouldStartWith("No AWS credentials were found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, pass --profile");
    }

    [Fact]
    public void A_web_identity_token_in_the_environment_is_used_by_the_default_chain()
    {
        var token = Path.Combine(_environment.Home, "token");
        File.WriteAllText(token, "eyJhbGciOi.example.token");
        _environment.Set("AWS_WEB_IDENTITY_TOKEN_FILE", token);
        _environment.Set("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/ci");
        AwsCredentialSource.Resolve(new CredentialOptions()).Description.ShouldBe("web identity");
    }

    [Fact]
    public async Task An_assume_role_profile_scans_the_account_of_its_role()
    {
        await using var emulator = await EmulatorHost.StartAsync(DemoOrganization.Scenario, faults: null, port: 0);
        _environment.WriteCredentials("[management]\naws_access_key_id = AKIADEMO000000000001\naws_secret_access_key = demo-secret-management\n");
        _environment.WriteConfig($"[profile prod]\nrole_arn = arn:aws:iam::222222222222:role/OrganizationAccountAccessRole\nsource_profile = management\nregion = us-east-1\n");
        _environment.Set("AWS_ENDPOINT_URL_STS", emulator.Endpoint.ToString());

        var result = await new Collector().CollectAsync(new CollectRequest
        {
            Credentials = new CredentialOptions(Profile: "prod"),
            EndpointUrl = emulator.Endpoint,
            Regions = ["us-east-1"],
        });

        result.Inventory.Accounts.Single().Id.ShouldBe("222222222222");
        result.Summary.Caller.ShouldStartWith("arn:aws:sts::222222222222:assumed-role/OrganizationAccountAccessRole/");
    }
}
