using Microsoft.Extensions.Time.Testing;
using Tocsin.Core.Exceptions;

namespace Tocsin.Core.Tests.Exceptions;

public class ExceptionListTests
{
    private static readonly ExceptionKey SeedInEuWest1 = new(
        "console-signin-without-mfa",
        ["cis-aws-1.2:3.2", "cis-aws-3.0:4.2", "securityhub:CloudWatch.3"],
        "111111111111",
        "eu-west-1",
        ["arn:aws:cloudtrail:eu-west-1:111111111111:trail/legacy"]);

    private static ExceptionEntry Entry(string control = "cis-aws-1.2:3.2", string? region = null, string? resource = null, int expiresDay = 31) =>
        new(control, ["111111111111"], region, resource, "security@example.com", "legacy", new DateOnly(2027, 3, expiresDay), "exceptions.yaml", 2);

    private static ExceptionList List(DateTimeOffset now, params ExceptionEntry[] entries) => new(entries, new FakeTimeProvider(now));

    private static readonly DateTimeOffset BeforeExpiry = new(2027, 1, 15, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_entry_naming_a_control_by_its_cis_alias_suppresses_the_finding()
    {
        var entry = Entry();

        List(BeforeExpiry, entry).Match(SeedInEuWest1).Active.ShouldBe(entry);
    }

    [Fact]
    public void An_entry_for_another_account_does_not_match()
    {
        var entry = Entry() with { Accounts = ["222222222222"] };

        List(BeforeExpiry, entry).Match(SeedInEuWest1).ShouldBe(ExceptionMatch.None);
    }

    [Fact]
    public void An_entry_scoped_to_another_region_does_not_match()
    {
        List(BeforeExpiry, Entry(region: "us-east-1")).Match(SeedInEuWest1).Suppresses.ShouldBeFalse();
    }

    [Fact]
    public void An_entry_scoped_to_a_resource_matches_only_when_the_resource_is_in_the_evidence()
    {
        List(BeforeExpiry, Entry(resource: "arn:aws:cloudtrail:eu-west-1:111111111111:trail/legacy")).Match(SeedInEuWest1).Suppresses.ShouldBeTrue();
        List(BeforeExpiry, Entry(resource: "arn:aws:cloudtrail:eu-west-1:111111111111:trail/other")).Match(SeedInEuWest1).Suppresses.ShouldBeFalse();
    }

    [Fact]
    public void An_entry_is_active_through_its_whole_expiry_day_in_utc()
    {
        var lastMinute = new DateTimeOffset(2027, 3, 31, 23, 59, 0, TimeSpan.Zero);

        List(lastMinute, Entry()).Match(SeedInEuWest1).Suppresses.ShouldBeTrue();
    }

    [Fact]
    public void An_expired_entry_suppresses_nothing_and_is_reported()
    {
        var entry = Entry();
        var match = List(new DateTimeOffset(2027, 4, 1, 0, 0, 0, TimeSpan.Zero), entry).Match(SeedInEuWest1);

        match.Active.ShouldBeNull();
        match.Expired.ShouldBe([entry]);
    }

    [Fact]
    public void An_active_entry_wins_over_an_expired_one_and_the_expired_one_is_still_reported()
    {
        var expired = Entry(expiresDay: 1);
        var active = Entry(control: "console-signin-without-mfa");
        var match = List(new DateTimeOffset(2027, 3, 10, 0, 0, 0, TimeSpan.Zero), expired, active).Match(SeedInEuWest1);

        match.Active.ShouldBe(active);
        match.Expired.ShouldBe([expired]);
    }

    [Fact]
    public void The_list_names_every_expired_entry_even_those_matching_no_finding()
    {
        var stale = Entry() with { Accounts = ["999999999999"] };

        List(new DateTimeOffset(2028, 1, 1, 0, 0, 0, TimeSpan.Zero), stale).Expired.ShouldBe([stale]);
    }
}
