using Tocsin.Core.Controls;
using Tocsin.Core.Patterns.Matching;
using Tocsin.Core.Patterns.Parsing;

namespace Tocsin.Core.Tests.Inventory;

/// <summary>The fixtures' filter patterns behave on the seed control's corpus as the fixtures README says.</summary>
public class FixturePatternTests
{
    private static readonly Control Seed = ControlCatalog.Default.Find("console-signin-without-mfa")!;

    private static string PatternOf(string fixture) =>
        Fixtures.Load(fixture).Accounts[0].FindRegion("us-east-1")!.MetricFilters.Value.Single().Pattern.Value;

    private static PatternMatcher Matcher(string fixture) =>
        PatternMatcher.Compile(PatternParser.Parse(PatternOf(fixture)).Pattern!);

    private static IEnumerable<CorpusEvent> Population(string name) => Seed.Corpus.Where(e => e.Population == name);

    [Fact]
    public void The_good_pattern_alerts_on_every_iam_user_sign_in_without_mfa()
    {
        var matcher = Matcher("good");

        Population("iam-user-no-mfa").ShouldAllBe(e => matcher.Matches(e.Message));
    }

    [Fact]
    public void The_insufficient_pattern_misses_an_iam_user_sign_in_without_mfa()
    {
        var matcher = Matcher("pattern-insufficient");

        Population("iam-user-no-mfa").ShouldContain(e => !matcher.Matches(e.Message));
    }

    [Fact]
    public void The_never_firing_pattern_parses_and_matches_nothing_in_the_corpus()
    {
        var matcher = Matcher("pattern-never-fires");

        Seed.Corpus.ShouldNotContain(e => matcher.Matches(e.Message));
    }

    [Fact]
    public void The_unparseable_pattern_is_rejected_by_the_parser()
    {
        PatternParser.Parse(PatternOf("pattern-unparseable")).Succeeded.ShouldBeFalse();
    }

    [Theory]
    [InlineData("good", true)]
    [InlineData("pattern-insufficient", true)]
    [InlineData("pattern-never-fires", false)]
    [InlineData("pattern-unparseable", true)]
    public void The_literal_check_of_each_pattern_fixture_is_as_the_readme_says(string fixture, bool accepted)
    {
        Seed.LiteralRegex.Accepts(PatternOf(fixture)).ShouldBe(accepted);
    }
}
