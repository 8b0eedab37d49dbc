using Tocsin.Core.Yaml;
using Tocsin.Core.Exceptions;

namespace Tocsin.Core.Tests.Exceptions;

public class ExceptionFileTests
{
    private const string Valid = """
        exceptions:
          - control: cis-aws-1.2:3.2
            accounts: ["111111111111", "222222222222"]
            region: eu-west-1
            resource: arn:aws:cloudtrail:eu-west-1:111111111111:trail/legacy
            owner: security@example.com
            reason: Break-glass accounts, watched by the SIEM instead
            expires: 2027-03-31
          - control: root-account-usage
            account: "012345678901"
            owner: platform@example.com
            reason: Account is being closed
            expires: 2026-12-01
        """;

    private static IReadOnlyList<ExceptionEntry> Parse(string yaml) => ExceptionFile.Parse(new StringReader(yaml), "exceptions.yaml");

    private static string Refusal(string yaml) => Should.Throw<YamlFileException>(() => Parse(yaml)).Message;

    [Fact]
    public void A_valid_file_is_read_into_entries_with_their_lines()
    {
        var entries = Parse(Valid);

        entries.Count.ShouldBe(2);
        entries[0].ShouldBe(new ExceptionEntry(
            "cis-aws-1.2:3.2",
            entries[0].Accounts,
            "eu-west-1",
            "arn:aws:cloudtrail:eu-west-1:111111111111:trail/legacy",
            "security@example.com",
            "Break-glass accounts, watched by the SIEM instead",
            new DateOnly(2027, 3, 31),
            "exceptions.yaml",
            2));
        entries[0].Accounts.ShouldBe(["111111111111", "222222222222"]);
    }

    [Fact]
    public void A_single_account_with_a_leading_zero_keeps_its_digits()
    {
        var entry = Parse(Valid)[1];

        entry.Accounts.ShouldBe(["012345678901"]);
        entry.Region.ShouldBeNull();
        entry.Resource.ShouldBeNull();
    }

    [Fact]
    public void An_entry_without_an_owner_is_refused_at_the_entry()
    {
        Refusal("""
            exceptions:
              - control: console-signin-without-mfa
                accounts: ["111111111111"]
                reason: legacy
                expires: 2027-01-01
            """).ShouldBe("exceptions.yaml:2:5: exception 1 is missing `owner`");
    }

    [Fact]
    public void An_expiry_that_is_not_a_date_is_refused_at_the_value()
    {
        Refusal("""
            exceptions:
              - control: console-signin-without-mfa
                accounts: ["111111111111"]
                owner: security@example.com
                reason: legacy
                expires: next year
            """).ShouldBe("exceptions.yaml:6:14: `expires` must be a date like 2027-03-31, found `next year`");
    }

    [Fact]
    public void An_account_id_that_is_not_twelve_digits_is_refused()
    {
        Refusal("""
            exceptions:
              - control: console-signin-without-mfa
                accounts: ["111111111111", "1234"]
                owner: security@example.com
                reason: legacy
                expires: 2027-01-01
            """).ShouldBe("exceptions.yaml:3:32: expected a 12-digit account id, found `1234`");
    }

    [Fact]
    public void A_misspelt_field_is_refused_with_the_fields_that_exist()
    {
        Refusal("""
            exceptions:
              - control: console-signin-without-mfa
                accounts: ["111111111111"]
                owner: security@example.com
                reason: legacy
                expiry: 2027-01-01
            """).ShouldBe("exceptions.yaml:6:5: unknown field `expiry`; expected one of control, account, accounts, region, resource, owner, reason, expires");
    }

    [Fact]
    public void Broken_yaml_is_refused_with_line_and_column()
    {
        Refusal("exceptions:\n  - control: [unclosed\n").ShouldBe("exceptions.yaml:3:1: not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'.");
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Refusal(string.Empty).ShouldBe("exceptions.yaml:1:1: the file is empty; expected an `exceptions:` list");
    }

    [Fact]
    public void A_bare_list_without_the_exceptions_key_is_refused()
    {
        Refusal("- control: x\n").ShouldBe("exceptions.yaml:1:1: expected a mapping with an `exceptions:` list");
    }

    [Fact]
    public void An_empty_reason_is_refused()
    {
        Refusal("""
            exceptions:
              - control: console-signin-without-mfa
                accounts: ["111111111111"]
                owner: security@example.com
                reason: ""
                expires: 2027-01-01
            """).ShouldBe("exceptions.yaml:5:13: `reason` must not be empty");
    }

    [Fact]
    public void An_entry_naming_a_control_that_does_not_exist_is_refused_at_the_name()
    {
        var yaml = """
            exceptions:
              - control: console-sigin-without-mfa
                accounts: ["111111111111"]
                owner: security@example.com
                reason: legacy
                expires: 2027-01-01
            """;

        Should.Throw<YamlFileException>(() => ExceptionFile.Parse(new StringReader(yaml), "exceptions.yaml", name => name == "console-signin-without-mfa"))
            .Message.ShouldBe("exceptions.yaml:2:14: unknown control `console-sigin-without-mfa`; `tocsin controls` lists the ids and aliases");
    }

    [Fact]
    public void An_entry_may_name_its_control_by_an_alias_the_catalog_knows()
    {
        var yaml = """
            exceptions:
              - control: securityhub:CloudWatch.3
                accounts: ["111111111111"]
                owner: security@example.com
                reason: legacy
                expires: 2027-01-01
            """;

        ExceptionFile.Parse(new StringReader(yaml), "exceptions.yaml", name => Core.Controls.ControlCatalog.Default.Find(name) is not null)
            .Single().Control.ShouldBe("securityhub:CloudWatch.3");
    }

    [Fact]
    public void Yaml_the_reader_cannot_scan_is_refused_with_a_position_not_an_internal_error()
    {
        // Found by fuzzing: YamlDotNet's scanner threw InvalidOperationException on this text.
        var refusal = Should.Throw<YamlFileException>(() => Parse("a:\n  [ {b}z\nd: e\n"));

        refusal.Line.ShouldBeGreaterThanOrEqualTo(1);
        refusal.Message.ShouldStartWith("exceptions.yaml:");
        refusal.Problem.ShouldStartWith("not valid YAML: ");
    }

    [Fact]
    public void A_file_nested_deeper_than_any_exceptions_file_is_refused_at_the_level_past_the_limit()
    {
        // Found by fuzzing: 16,000 nested levels (80 KB) kept the YAML reader busy for 5 seconds.
        var yaml = "exceptions: " + string.Concat(Enumerable.Repeat("[", 16_000));

        var refusal = Should.Throw<YamlFileException>(() => Parse(yaml));

        (refusal.Line, refusal.Column).ShouldBe((1, 13 + YamlDocuments.MaxNesting - 1));
        refusal.Problem.ShouldBe($"not valid YAML: collections are nested more than {YamlDocuments.MaxNesting} levels deep");
    }
}
