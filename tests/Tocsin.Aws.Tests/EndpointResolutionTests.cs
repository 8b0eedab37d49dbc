using Tocsin.Aws.Http;

namespace Tocsin.Aws.Tests;

public class EndpointResolutionTests
{
    private static AwsEndpoints Without(Uri? explicitEndpoint = null, Dictionary<string, string>? environment = null) =>
        new(explicitEndpoint, name => environment?.GetValueOrDefault(name));

    [Fact]
    public void Regional_service_uses_its_prefix_region_and_commercial_suffix()
    {
        Without().Resolve(AwsService.Logs, "eu-west-1").ShouldBe((new Uri("https://logs.eu-west-1.amazonaws.com/"), "eu-west-1"));
    }

    [Fact]
    public void China_regions_use_the_amazonaws_com_cn_suffix()
    {
        Without().Resolve(AwsService.CloudTrail, "cn-north-1").Url.ShouldBe(new Uri("https://cloudtrail.cn-north-1.amazonaws.com.cn/"));
    }

    [Fact]
    public void CloudWatch_is_reached_under_its_monitoring_prefix()
    {
        Without().Resolve(AwsService.CloudWatch, "us-west-2").Url.ShouldBe(new Uri("https://monitoring.us-west-2.amazonaws.com/"));
    }

    [Fact]
    public void IAM_is_reached_at_its_global_host_signed_for_us_east_1()
    {
        Without().Resolve(AwsService.Iam, "eu-west-1").ShouldBe((new Uri("https://iam.amazonaws.com/"), "us-east-1"));
        Without().Resolve(AwsService.Iam, "cn-north-1").ShouldBe((new Uri("https://iam.cn-north-1.amazonaws.com.cn/"), "cn-north-1"));
    }

    [Fact]
    public void S3_is_reached_at_its_regional_endpoint()
    {
        Without().Resolve(AwsService.S3, "eu-west-1").ShouldBe((new Uri("https://s3.eu-west-1.amazonaws.com/"), "eu-west-1"));
    }

    [Fact]
    public void Organizations_is_one_endpoint_per_partition_signed_for_its_home_region()
    {
        Without().Resolve(AwsService.Organizations, "eu-west-1").ShouldBe((new Uri("https://organizations.us-east-1.amazonaws.com/"), "us-east-1"));
        Without().Resolve(AwsService.Organizations, "us-gov-east-1").SigningRegion.ShouldBe("us-gov-west-1");
    }

    [Fact]
    public void Explicit_endpoint_wins_over_the_environment_and_keeps_the_signing_region()
    {
        var endpoints = Without(new Uri("http://127.0.0.1:4566/"), new() { ["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"] = "http://127.0.0.1:9000/" });
        endpoints.Resolve(AwsService.Logs, "eu-west-1").ShouldBe((new Uri("http://127.0.0.1:4566/"), "eu-west-1"));
    }

    [Fact]
    public void Service_specific_environment_endpoint_wins_over_the_general_one()
    {
        var endpoints = Without(environment: new() { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1/", ["AWS_ENDPOINT_URL_CLOUDWATCH_LOGS"] = "http://127.0.0.1:2/" });
        endpoints.Resolve(AwsService.Logs, "us-east-1").Url.ShouldBe(new Uri("http://127.0.0.1:2/"));
        endpoints.Resolve(AwsService.Sns, "us-east-1").Url.ShouldBe(new Uri("http://127.0.0.1:1/"));
    }

    [Fact]
    public void An_environment_endpoint_that_is_not_a_url_is_refused_naming_the_variable()
    {
        var endpoints = Without(environment: new() { ["AWS_ENDPOINT_URL_SNS"] = "localhost:4566" });
        Should.Throw<AwsConfigurationException>(() => endpoints.Resolve(AwsService.Sns, "us-east-1")).Message.ShouldContain("AWS_ENDPOINT_URL_SNS");
    }

    [Fact]
    public void Configured_endpoints_are_ignored_when_the_environment_says_so()
    {
        var endpoints = Without(environment: new() { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1/", ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true" });
        endpoints.Resolve(AwsService.Sns, "us-east-1").Url.ShouldBe(new Uri("https://sns.us-east-1.amazonaws.com/"));
    }
}
