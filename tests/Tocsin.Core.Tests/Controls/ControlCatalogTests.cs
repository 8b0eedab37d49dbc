using Tocsin.Core.Controls;

namespace Tocsin.Core.Tests.Controls;

public class ControlCatalogTests
{
    [Fact]
    public void The_seed_control_comes_first_in_the_catalog()
    {
        ControlCatalog.Default.All[0].Id.ShouldBe("console-signin-without-mfa");
    }

    [Fact]
    public void The_catalog_holds_the_fifteen_controls_of_the_cis_monitoring_section()
    {
        ControlCatalog.Default.Ids.ShouldBe(
        [
            "console-signin-without-mfa", "unauthorized-api-calls", "root-account-usage", "iam-policy-changes",
            "cloudtrail-config-changes", "console-auth-failures", "cmk-disable-or-delete", "s3-bucket-policy-changes",
            "config-changes", "security-group-changes", "nacl-changes", "network-gateway-changes", "route-table-changes",
            "vpc-changes", "organizations-changes",
        ]);
    }

    [Theory]
    [InlineData("cis-aws-1.2:3.1", "unauthorized-api-calls")]
    [InlineData("securityhub:CloudWatch.1", "root-account-usage")]
    [InlineData("cis-aws-3.0:4.4", "iam-policy-changes")]
    [InlineData("cis-aws-6.0:5.7", "cmk-disable-or-delete")]
    [InlineData("securityhub:CloudWatch.14", "vpc-changes")]
    [InlineData("cis-aws-1.4:4.15", "organizations-changes")]
    [InlineData("cis-aws-6.0:5.15", "organizations-changes")]
    public void Framework_numbers_lead_to_the_right_control(string alias, string id)
    {
        ControlCatalog.Default.Find(alias)!.Id.ShouldBe(id);
    }

    [Fact]
    public void Organizations_changes_have_no_cis_1_2_number_and_no_security_hub_control()
    {
        ControlCatalog.Default.Find("cis-aws-1.2:3.15").ShouldBeNull();
        ControlCatalog.Default.Find("organizations-changes")!.Aliases.ShouldNotContain(alias => alias.StartsWith("securityhub:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("console-signin-without-mfa")]
    [InlineData("cis-aws-1.2:3.2")]
    [InlineData("CIS-AWS-3.0:4.2")]
    [InlineData("cis-aws-6.0:5.2")]
    [InlineData("securityhub:cloudwatch.3")]
    [InlineData("  securityhub:CloudWatch.3 ")]
    public void The_seed_control_is_found_by_its_id_or_any_alias_in_any_case(string name)
    {
        ControlCatalog.Default.Find(name)!.Id.ShouldBe("console-signin-without-mfa");
    }

    [Theory]
    [InlineData("console-sign-in")]
    [InlineData("cis-aws-1.2:9.9")]
    [InlineData("")]
    public void An_unknown_control_is_not_found(string name)
    {
        ControlCatalog.Default.Find(name).ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(CatalogFixture.ControlIds), MemberType = typeof(CatalogFixture))]
    public void Every_alias_of_a_control_finds_that_control_in_upper_and_lower_case(string id)
    {
        var control = ControlCatalog.Default.Find(id)!;
        foreach (var alias in control.Aliases)
        {
            ControlCatalog.Default.Find(alias.ToUpperInvariant())!.Id.ShouldBe(id);
            ControlCatalog.Default.Find(alias.ToLowerInvariant())!.Id.ShouldBe(id);
        }
    }

    [Fact]
    public void The_default_catalog_is_loaded_once()
    {
        ControlCatalog.Default.ShouldBeSameAs(ControlCatalog.Default);
    }
}
