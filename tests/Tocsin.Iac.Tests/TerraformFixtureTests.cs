using Tocsin.Core.Findings;

namespace Tocsin.Iac.Tests;

/// <summary>Each fixture of tests/fixtures/iac/terraform, read and judged for console-signin-without-mfa (see the README there).</summary>
public sealed class TerraformFixtureTests
{
    public static TheoryData<string, Outcome, string?> Expected => new()
    {
        { "good", Outcome.Pass, null },
        { "plan-json", Outcome.Pass, null },
        { "multi-file-module", Outcome.Pass, null },
        { "remediate-no-trail", Outcome.Pass, null },
        { "pattern-compact", Outcome.Pass, null },
        { "pattern-unquoted", Outcome.Pass, null },
        { "pattern-reversed", Outcome.Pass, null },
        { "no-trail", Outcome.Fail, "no-trail" },
        { "trail-not-multi-region", Outcome.Fail, "trail-not-multi-region" },
        { "trail-not-logging", Outcome.Fail, "trail-not-logging" },
        { "no-management-events", Outcome.Fail, "no-management-events" },
        { "trail-no-cloudwatch-logs", Outcome.Fail, "trail-no-cloudwatch-logs" },
        { "no-metric-filter", Outcome.Fail, "no-metric-filter" },
        { "pattern-insufficient", Outcome.Fail, "pattern-insufficient" },
        { "pattern-never-fires", Outcome.Fail, "pattern-never-fires" },
        { "pattern-unparseable", Outcome.Error, "pattern-unparseable" },
        { "no-alarm", Outcome.Fail, "no-alarm" },
        { "alarm-watches-filter-name", Outcome.Fail, "no-alarm" },
        { "alarm-metric-mismatch", Outcome.Fail, "alarm-metric-mismatch" },
        { "alarm-actions-disabled", Outcome.Fail, "alarm-actions-disabled" },
        { "alarm-cannot-fire", Outcome.Fail, "alarm-cannot-fire" },
        { "alarm-no-action", Outcome.Fail, "alarm-no-action" },
        { "topic-policy-denies-cloudwatch", Outcome.Fail, "topic-policy-denies-cloudwatch" },
        { "topic-key-denies-cloudwatch", Outcome.Fail, "topic-key-denies-cloudwatch" },
        { "topic-aws-managed-key", Outcome.Fail, "topic-key-denies-cloudwatch" },
        { "no-confirmed-subscription", Outcome.Fail, "no-confirmed-subscription" },
        { "variable-without-default", Outcome.Error, "unresolved" },
        { "eventbridge-signin", Outcome.Fail, "no-trail" },
        { "remediate-eventbridge", Outcome.Fail, "no-trail" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_fixture_gives_its_documented_outcome_and_reason(string fixture, Outcome outcome, string? reason)
    {
        var read = TerraformFixtures.Read(fixture);
        read.Problems.ShouldBeEmpty();

        var finding = TerraformFixtures.Evaluate(read, TerraformFixtures.SettingsFor(fixture));

        finding.Outcome.ShouldBe(outcome, finding.Message);
        finding.Reasons.Select(r => r.ToCode()).FirstOrDefault().ShouldBe(reason, finding.Message);
    }

    [Fact]
    public void Every_fixture_folder_has_an_expected_outcome()
    {
        var expected = Expected.Select(row => (string)row[0]).ToHashSet();
        TerraformFixtures.Names.Where(name => !expected.Contains(name)).ShouldBeEmpty();
    }
}
