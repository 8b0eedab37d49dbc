using Tocsin.Core.Controls;

namespace Tocsin.Core.Tests.Controls;

public class ControlCatalogTests
{
    [Fact]
    public void The_seed_control_comes_first_in_the_catalog()
    {
        ControlCatalog.Default.All[0].Id.ShouldBe("console-signin-without-mfa");
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
