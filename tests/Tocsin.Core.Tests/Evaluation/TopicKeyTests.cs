using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;
using Tocsin.Core.Tests.Inventory;

namespace Tocsin.Core.Tests.Evaluation;

public class TopicKeyTests
{
    private const string CustomerKey = "arn:aws:kms:us-east-1:111111111111:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private const string RootStatement = """{"Sid":"Enable IAM User Permissions","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"kms:*","Resource":"*"}""";

    private const string CloudWatchStatement = """{"Sid":"Allow_CloudWatch_for_CMK","Effect":"Allow","Principal":{"Service":["cloudwatch.amazonaws.com"]},"Action":["kms:Decrypt","kms:GenerateDataKey*"],"Resource":"*"}""";

    private static Finding EvaluateWithKey(string? key, Observed<string?>? keyPolicy = null)
    {
        var inventory = Fixtures.Load("good");
        var account = inventory.FindAccount("111111111111")!;
        var regions = account.Regions.Value.Select(region => region with
        {
            Topics = region.Topics.IsKnown
                ? Observed.Known<IReadOnlyList<Topic>>([.. region.Topics.Value.Select(topic => topic with
                {
                    KmsMasterKeyId = Observed<string?>.Known(key),
                    KeyPolicy = keyPolicy ?? Topic.KeyPolicyWhenAbsent(Observed<string?>.Known(key)),
                })])
                : region.Topics,
        }).ToList();
        var changed = inventory with { Accounts = [account with { Regions = Observed.Known<IReadOnlyList<Region>>(regions) }] };
        return new ChainEvaluator(EvaluationOptions.Default).Evaluate(changed, changed.Accounts[0], ControlCatalog.Default.Find("console-signin-without-mfa")!);
    }

    private static Finding EvaluateWithKeyPolicy(params string[] statements) =>
        EvaluateWithKey(CustomerKey, Observed<string?>.Known($$"""{"Version":"2012-10-17","Id":"key-default-1","Statement":[{{string.Join(",", statements)}}]}"""));

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
        var finding = EvaluateWithKey(CustomerKey);

        finding.Outcome.ShouldBe(Outcome.Error);
        finding.Message.ShouldContain("whether CloudWatch may use the encryption key of topic");
    }

    [Fact]
    public void A_customer_managed_key_whose_policy_could_not_be_read_keeps_the_reason()
    {
        var finding = EvaluateWithKey(CustomerKey, Observed<string?>.NotKnown(UnknownReason.AccessDenied, "kms:GetKeyPolicy"));

        finding.Outcome.ShouldBe(Outcome.Error);
        finding.Reasons.ShouldBe([ReasonCode.AccessDenied]);
    }

    [Fact]
    public void An_unencrypted_topic_passes() => EvaluateWithKey(null).Outcome.ShouldBe(Outcome.Pass);

    [Fact]
    public void A_customer_managed_key_that_lets_cloudwatch_decrypt_and_generate_data_keys_passes() =>
        EvaluateWithKeyPolicy(RootStatement, CloudWatchStatement).Outcome.ShouldBe(Outcome.Pass);

    [Fact]
    public void A_key_policy_granting_only_the_account_root_does_not_let_cloudwatch_use_the_key()
    {
        var finding = EvaluateWithKeyPolicy(RootStatement);

        finding.Outcome.ShouldBe(Outcome.Fail);
        finding.Reasons.ShouldBe([ReasonCode.TopicKeyDeniesCloudWatch]);
        finding.Message.ShouldContain("does not allow cloudwatch.amazonaws.com kms:Decrypt and kms:GenerateDataKey*");
    }

    [Fact]
    public void A_key_policy_that_lets_cloudwatch_decrypt_only_names_the_missing_action()
    {
        var finding = EvaluateWithKeyPolicy(RootStatement, """{"Effect":"Allow","Principal":{"Service":"cloudwatch.amazonaws.com"},"Action":"kms:Decrypt","Resource":"*"}""");

        finding.Outcome.ShouldBe(Outcome.Fail);
        finding.Message.ShouldContain("does not allow cloudwatch.amazonaws.com kms:GenerateDataKey*,");
    }

    [Fact]
    public void A_key_policy_allowing_every_kms_action_to_cloudwatch_passes() =>
        EvaluateWithKeyPolicy("""{"Effect":"Allow","Principal":{"Service":"cloudwatch.amazonaws.com"},"Action":"kms:*","Resource":"*"}""").Outcome.ShouldBe(Outcome.Pass);

    [Fact]
    public void A_key_policy_that_denies_cloudwatch_decrypt_fails_even_with_an_allow()
    {
        var finding = EvaluateWithKeyPolicy(CloudWatchStatement, """{"Effect":"Deny","Principal":"*","Action":"kms:Decrypt","Resource":"*"}""");

        finding.Outcome.ShouldBe(Outcome.Fail);
        finding.Message.ShouldContain("denies cloudwatch.amazonaws.com kms:Decrypt");
    }

    [Fact]
    public void A_source_account_condition_naming_the_alarms_account_lets_cloudwatch_use_the_key() =>
        EvaluateWithKeyPolicy("""{"Effect":"Allow","Principal":{"Service":"cloudwatch.amazonaws.com"},"Action":["kms:Decrypt","kms:GenerateDataKey*"],"Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":"111111111111"},"ArnLike":{"aws:SourceArn":"arn:aws:cloudwatch:us-east-1:111111111111:alarm:*"}}}""")
            .Outcome.ShouldBe(Outcome.Pass);

    [Fact]
    public void A_source_account_condition_naming_another_account_does_not_let_cloudwatch_use_the_key() =>
        EvaluateWithKeyPolicy("""{"Effect":"Allow","Principal":{"Service":"cloudwatch.amazonaws.com"},"Action":["kms:Decrypt","kms:GenerateDataKey*"],"Resource":"*","Condition":{"StringEquals":{"aws:SourceAccount":"999999999999"}}}""")
            .Reasons.ShouldBe([ReasonCode.TopicKeyDeniesCloudWatch]);

    [Fact]
    public void A_key_policy_condition_that_cannot_be_evaluated_leaves_the_outcome_undecided()
    {
        var finding = EvaluateWithKeyPolicy("""{"Effect":"Allow","Principal":{"Service":"cloudwatch.amazonaws.com"},"Action":["kms:Decrypt","kms:GenerateDataKey*"],"Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":"111111111111"}}}""");

        finding.Outcome.ShouldBe(Outcome.Error);
        finding.Message.ShouldContain("whether CloudWatch may use the encryption key of topic");
    }

    [Fact]
    public void A_key_policy_that_is_not_json_leaves_the_outcome_undecided() =>
        EvaluateWithKey(CustomerKey, Observed<string?>.Known("not a policy")).Outcome.ShouldBe(Outcome.Error);
}
