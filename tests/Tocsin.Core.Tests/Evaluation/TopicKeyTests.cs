using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Tests.Inventory;

namespace Tocsin.Core.Tests.Evaluation;

public class TopicKeyTests
{
    private static Finding EvaluateWithKey(string? key)
    {
        var inventory = Fixtures.Load("good");
        var account = inventory.FindAccount("111111111111")!;
        var regions = account.Regions.Value.Select(region => region with
        {
            Topics = region.Topics.IsKnown
                ? Observed.Known<IReadOnlyList<Topic>>([.. region.Topics.Value.Select(topic => topic with { KmsMasterKeyId = Observed<string?>.Known(key) })])
                : region.Topics,
        }).ToList();
        var changed = inventory with { Accounts = [account with { Regions = Observed.Known<IReadOnlyList<Region>>(regions) }] };
        return new ChainEvaluator(EvaluationOptions.Default).Evaluate(changed, changed.Accounts[0], ControlCatalog.Default.Find("console-signin-without-mfa")!);
    }

    [Fact]
    public void A_topic_encrypted_with_the_aws_managed_key_cannot_receive_alarms()
    {
        var finding = EvaluateWithKey("alias/aws/sns");

        finding.Outcome.ShouldBe(Outcome.Fail);
        finding.Reasons.ShouldBe([ReasonCode.TopicKeyDeniesCloudWatch]);
    }

    [Fact]
    public void A_customer_managed_key_whose_policy_was_not_read_leaves_the_outcome_undecided()
    {
        var finding = EvaluateWithKey("arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab");

        finding.Outcome.ShouldBe(Outcome.Error);
        finding.Reasons.ShouldBe([ReasonCode.Unavailable]);
        finding.Message.ShouldContain("whether CloudWatch may use the encryption key of topic");
    }

    [Fact]
    public void An_unencrypted_topic_passes() => EvaluateWithKey(null).Outcome.ShouldBe(Outcome.Pass);
}
