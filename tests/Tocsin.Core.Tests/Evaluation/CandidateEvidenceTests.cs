using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Tests.Inventory;

namespace Tocsin.Core.Tests.Evaluation;

public class CandidateEvidenceTests
{
    [Fact]
    public void A_second_filter_on_the_same_log_group_is_listed_as_a_candidate()
    {
        var inventory = Fixtures.Load("good");
        var account = inventory.FindAccount("111111111111")!;
        var regions = account.Regions.Value.Select(region => region.MetricFilters.TryGetValue(out var filters) && filters.Count > 0
            ? region with { MetricFilters = Observed.Known<IReadOnlyList<MetricFilter>>([.. filters, filters[0] with { Name = "second-try", Pattern = Observed<string>.Known("""{ $.eventName = "ConsoleLogin" && $.responseElements.ConsoleLogin = "Failure" && $.additionalEventData.MFAUsed != "Yes" }""") }]) }
            : region).ToList();
        var changed = inventory with { Accounts = [account with { Regions = Observed.Known<IReadOnlyList<Region>>(regions) }] };

        var finding = new ChainEvaluator(EvaluationOptions.Default).Evaluate(changed, changed.Accounts[0], ControlCatalog.Default.Find("console-signin-without-mfa")!);

        finding.Outcome.ShouldBe(Outcome.Pass);
        finding.Evidence.Candidates.ShouldContain(candidate => candidate.EndsWith("/second-try", StringComparison.Ordinal));
    }
}
