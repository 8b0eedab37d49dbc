using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Tests.Inventory;

namespace Tocsin.Core.Tests.Evaluation;

public class OrganizationTrailViewTests
{
    [Fact]
    public void A_member_that_cannot_read_the_organization_flag_still_inherits_the_owners_chain()
    {
        var inventory = Fixtures.Load("org-trail-inherited");
        var member = inventory.FindAccount("222222222222")!;
        var blurred = member with
        {
            Regions = Observed.Known<IReadOnlyList<Region>>([.. member.Regions.Value.Select(region => region with
            {
                Trails = Observed.Known<IReadOnlyList<Trail>>([.. region.Trails.Value.Select(trail => trail with
                {
                    IsOrganizationTrail = Observed<bool>.NotKnown(UnknownReason.AccessDenied),
                })]),
            })]),
        };
        var changed = inventory with { Accounts = [.. inventory.Accounts.Select(a => a.Id == member.Id ? blurred : a)] };

        var finding = new ChainEvaluator(EvaluationOptions.Default).Evaluate(changed, blurred, ControlCatalog.Default.Find("console-signin-without-mfa")!);

        finding.Outcome.ShouldBe(Outcome.Pass, finding.Message);
        finding.InheritedFrom.ShouldBe("111111111111");
    }
}
