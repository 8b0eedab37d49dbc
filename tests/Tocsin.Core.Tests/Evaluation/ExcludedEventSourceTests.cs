using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Tests.Inventory;

namespace Tocsin.Core.Tests.Evaluation;

/// <summary>A trail that leaves out a service's management events cannot feed a control whose events all come from it.</summary>
public class ExcludedEventSourceTests
{
    private static Finding Evaluate(string controlId, Trail trail)
    {
        var inventory = Samples.Inventory(region => region with { Trails = Samples.List(trail) });
        return new ChainEvaluator(EvaluationOptions.Default).Evaluate(inventory, inventory.FindAccount(Samples.AccountId)!, ControlCatalog.Default.Find(controlId)!);
    }

    private static Trail WithoutKmsEvents() =>
        Samples.Trail() with { EventSelectors = Samples.List(new EventSelector(ReadWriteType.All, true, ["kms.amazonaws.com"])) };

    private static AdvancedFieldSelector Field(string name, string[] equalTo, string[] notEqualTo) => new(name, equalTo, [], [], notEqualTo, [], []);

    [Fact]
    public void A_trail_without_kms_events_fails_the_key_deletion_control_at_the_trail()
    {
        var finding = Evaluate("cmk-disable-or-delete", WithoutKmsEvents());

        finding.Outcome.ShouldBe(Outcome.Fail, finding.Message);
        finding.Reasons.ShouldBe([ReasonCode.NoManagementEvents]);
        finding.Message.ShouldBe("trail management-events does not record the management events the control needs: its event selectors leave out kms.amazonaws.com, where every event cmk-disable-or-delete alerts on comes from");
    }

    [Fact]
    public void An_advanced_selector_that_excludes_kms_events_fails_the_key_deletion_control_too()
    {
        var trail = Samples.Trail() with
        {
            EventSelectors = Samples.List<EventSelector>(),
            AdvancedEventSelectors = Samples.List(new AdvancedEventSelector("Management events but KMS",
                [Field("eventCategory", ["Management"], []), Field("eventSource", [], ["kms.amazonaws.com"])])),
        };

        Evaluate("cmk-disable-or-delete", trail).Reasons.ShouldBe([ReasonCode.NoManagementEvents]);
    }

    [Fact]
    public void A_trail_without_kms_events_still_serves_controls_whose_events_come_from_other_services()
    {
        var finding = Evaluate("console-signin-without-mfa", WithoutKmsEvents());

        finding.Outcome.ShouldBe(Outcome.Pass, finding.Message);
    }
}
