using Tocsin.Core.Controls;
using Tocsin.Core.Evaluation;
using Tocsin.Core.Findings;
using Tocsin.Core.Inventory;

namespace Tocsin.Iac.Tests;

public sealed class OutsideTrailTests
{
    private static readonly IacSettings Settings = new();
    private static readonly Control Seed = ControlCatalog.Default.Find("console-signin-without-mfa")!;
    private static readonly string TopicArn = Settings.Arn("sns", "alarms");

    private static MetricFilter Filter => new("trail-logs", "signin", Observed.Known(Seed.PrimaryReference.Pattern),
        Observed.Known<IReadOnlyList<MetricTransformation>>([new MetricTransformation("SigninWithoutMfa", "CISBenchmark", "1", null, [])]), Source.FromFile("filters.tf", 4));

    private static Alarm Alarm => new("signin", Settings.Arn("cloudwatch", "alarm:signin"), Observed.Known<string?>("SigninWithoutMfa"), Observed.Known<string?>("CISBenchmark"),
        Observed.Known<IReadOnlyList<Dimension>>([]), Observed.Known<Statistic?>(Statistic.Sum), Observed.Known<string?>(null), Observed.Known<IReadOnlyList<MetricDataQuery>>([]),
        Observed.Known<int?>(300), Observed.Known(1), Observed.Known<int?>(null), Observed.Known<double?>(1), Observed.Known(AlarmComparisonOperator.GreaterThanOrEqualToThreshold),
        Observed.Known<string?>(null), Observed.Known(true), Observed.Known<IReadOnlyList<string>>([TopicArn]), Observed.Known<IReadOnlyList<string>>([]), Observed.Known<IReadOnlyList<string>>([]));

    private static Topic Topic => new(TopicArn,
        Observed.Known<string?>($$"""{"Statement":[{"Effect":"Allow","Principal":{"Service":"cloudwatch.amazonaws.com"},"Action":"sns:Publish","Resource":"{{TopicArn}}"}]}"""),
        Observed.Known<string?>(null), Observed.Known<IReadOnlyList<Subscription>>([new Subscription(TopicArn + ":sub", Observed.Known("sqs"), Observed.Known<string?>("arn:aws:sqs:us-east-1:123456789012:q"))]));

    private static Finding Judge(IacRead read, string? assumed = null)
    {
        var inventory = IacInventory.Of(Settings, OutsideTrail.Add(read, Settings, assumed));
        return new ChainEvaluator(EvaluationOptions.Default).Evaluate(inventory, [Seed]).Findings.ShouldHaveSingleItem();
    }

    [Fact]
    public void Code_with_a_whole_chain_but_no_trail_is_undecided_because_the_trail_is_outside_it()
    {
        var finding = Judge(IacRead.Empty with { MetricFilters = [Filter], Alarms = [Alarm], Topics = [Topic] });

        finding.Outcome.ShouldBe(Outcome.Error);
        finding.Reasons.ShouldBe([ReasonCode.Unresolved]);
        finding.Message.ShouldContain("outside this code");
    }

    [Fact]
    public void Code_without_a_trail_still_fails_on_a_link_that_surely_breaks()
    {
        var finding = Judge(IacRead.Empty with { MetricFilters = [Filter], Topics = [Topic] });

        finding.Outcome.ShouldBe(Outcome.Fail);
        finding.Reasons.ShouldBe([ReasonCode.NoAlarm]);
    }

    [Fact]
    public void A_named_log_group_stands_for_an_existing_trail_and_the_chain_passes()
    {
        var finding = Judge(IacRead.Empty with { MetricFilters = [Filter], Alarms = [Alarm], Topics = [Topic] }, assumed: "trail-logs");

        finding.Outcome.ShouldBe(Outcome.Pass, finding.Message);
    }

    [Fact]
    public void Each_link_of_the_chain_is_located_in_the_file_and_line_that_defines_it()
    {
        var read = OutsideTrail.Add(IacRead.Empty with { MetricFilters = [Filter], Topics = [Topic] }, Settings, "trail-logs");
        var inventory = IacInventory.Of(Settings, read);
        var result = new ChainEvaluator(EvaluationOptions.Default).Evaluate(inventory, [Seed]);

        var located = IacLocations.Attach(result, inventory).Findings.ShouldHaveSingleItem();

        located.Locations!.Select(l => (l.Link, l.File, l.StartLine)).ShouldBe(
        [
            (Settings.Arn("cloudtrail", "trail/trail-outside-this-code"), "--assume-trail-log-group", (int?)null),
            ("metric-filter:trail-logs/signin", "filters.tf", 4),
        ]);
    }

    [Fact]
    public void Code_with_nothing_of_the_chain_is_undecided_rather_than_failed_for_a_trail_it_never_meant_to_define()
    {
        var finding = Judge(IacRead.Empty);

        finding.Outcome.ShouldBe(Outcome.Error);
        finding.Message.ShouldContain("outside this code");
    }
}
