using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Parsing;
using Tocsin.Emulator.Scenarios;

namespace Tocsin.Emulator.Tests;

/// <summary>The demo organization's filters behave as its comments promise (checked with Core's matcher).</summary>
public sealed class DemoOrgPatternTests
{
    private const string WithoutMfa = """{"eventName":"ConsoleLogin","userIdentity":{"type":"IAMUser"},"additionalEventData":{"MFAUsed":"No"},"responseElements":{"ConsoleLogin":"Success"}}""";
    private const string WithMfa = """{"eventName":"ConsoleLogin","userIdentity":{"type":"IAMUser"},"additionalEventData":{"MFAUsed":"Yes"},"responseElements":{"ConsoleLogin":"Success"}}""";
    private const string RootWithoutMfa = """{"eventName":"ConsoleLogin","userIdentity":{"type":"Root"},"additionalEventData":{"MFAUsed":"No"},"responseElements":{"ConsoleLogin":"Success"}}""";

    private static PatternMatcher FilterOf(string accountId)
    {
        var account = Scenario.Builtin("demo-org").File.Accounts.Single(a => a.Id == accountId);
        var pattern = account.Regions["us-east-1"].LogGroups.Single().MetricFilters.Single().Pattern;
        var parsed = PatternParser.Parse(pattern);
        parsed.Error.ShouldBeNull();
        return PatternMatcher.Compile(parsed.Pattern!);
    }

    [Theory]
    [InlineData("111111111111")]
    [InlineData("444444444444")]
    [InlineData("666666666666")]
    [InlineData("777777777777")]
    public void Complete_chains_catch_a_sign_in_without_MFA_and_not_one_with_it(string accountId)
    {
        var filter = FilterOf(accountId);
        (filter.Matches(WithoutMfa), filter.Matches(WithMfa)).ShouldBe((true, false));
    }

    [Fact]
    public void The_CIS_strict_variant_drops_root_sign_ins_without_MFA()
    {
        var filter = FilterOf("555555555555");
        (filter.Matches(WithoutMfa), filter.Matches(RootWithoutMfa)).ShouldBe((true, false));
    }

    [Fact]
    public void The_or_mistake_fires_on_sign_ins_with_MFA_too()
    {
        FilterOf("888888888888").Matches(WithMfa).ShouldBeTrue();
    }
}
