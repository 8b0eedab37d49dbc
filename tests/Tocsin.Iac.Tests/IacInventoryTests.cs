using Tocsin.Core.Inventory;

namespace Tocsin.Iac.Tests;

public sealed class IacInventoryTests
{
    [Fact]
    public void A_repository_is_one_account_in_one_region_holding_every_file_s_resources()
    {
        var first = IacRead.Empty with { LogGroups = [new LogGroup("arn:aws:logs:us-east-1:123456789012:log-group:a", "a", Source.FromFile("a.yaml", 3))] };
        var second = IacRead.Empty with { LogGroups = [new LogGroup("arn:aws:logs:us-east-1:123456789012:log-group:b", "b", Source.FromFile("b.tf", 7))] };

        var inventory = IacInventory.Of(new IacSettings(), first.Plus(second));

        var region = inventory.Accounts.ShouldHaveSingleItem().Regions.Value.ShouldHaveSingleItem();
        region.Name.ShouldBe("us-east-1");
        region.LogGroups.Value.Select(g => g.Source!.ToString()).ShouldBe(["a.yaml:3", "b.tf:7"]);
    }
}
