using Tocsin.Core.Evaluation;

namespace Tocsin.Core.Tests.Evaluation;

public class PolicyStatementsTests
{
    [Theory]
    [InlineData("kms:GenerateDataKey*", "kms:GenerateDataKey", true)]
    [InlineData("kms:*", "kms:Decrypt", true)]
    [InlineData("*", "kms:Decrypt", true)]
    [InlineData("KMS:decrypt", "kms:Decrypt", true)]
    [InlineData("kms:Decrypt?", "kms:Decrypt", false)]
    [InlineData("kms:Gen*Key*", "kms:GenerateDataKey", true)]
    [InlineData("kms:Encrypt", "kms:Decrypt", false)]
    [InlineData("kms:Describe*", "kms:Decrypt", false)]
    public void An_action_pattern_matches_as_IAM_wildcards_do(string pattern, string action, bool matches) =>
        PolicyStatements.Matches(pattern, action).ShouldBe(matches);

    [Fact]
    public void A_pattern_of_many_wildcards_is_answered_at_once()
    {
        var pattern = string.Concat(Enumerable.Repeat("*a", 5000)) + "b";

        PolicyStatements.Matches(pattern, new string('a', 5000)).ShouldBeFalse();
    }
}
