using Tocsin.Cli.Configuration;
using Tocsin.Core.Yaml;

namespace Tocsin.Cli.Tests;

public class ScanConfigFileTests
{
    private static ScanConfig Parse(string yaml) => ScanConfigFile.Parse(new StringReader(yaml), "/team/tocsin.yaml");

    private static string Refusal(string yaml) => Should.Throw<YamlFileException>(() => Parse(yaml)).Message;

    [Fact]
    public void The_starter_file_that_init_writes_is_a_valid_configuration()
    {
        var config = Parse(StarterFile.Text);

        var target = config.Targets.ShouldHaveSingleItem();
        target.Organization.ShouldBeTrue();
        target.RoleName.ShouldBe("TocsinAudit");
        config.Report.Format.ShouldBe("text");
    }

    [Fact]
    public void Paths_in_the_file_are_relative_to_the_file()
    {
        var config = Parse("""
            targets:
              - name: sandbox
                profile: sandbox
                regions: [us-east-1, eu-west-1]
            exceptions: exceptions.yaml
            report:
              output: out/report.json
            """);

        config.Exceptions.ShouldBe("/team/exceptions.yaml");
        config.Report.Output.ShouldBe("/team/out/report.json");
        config.Targets[0].Regions.ShouldBe(["us-east-1", "eu-west-1"]);
    }

    [Fact]
    public void The_file_may_ask_for_full_evidence_and_refuses_any_other_word()
    {
        Parse("targets:\n  - name: a\nevidence: full\n").Evidence.ShouldBe("full");
        Refusal("targets:\n  - name: a\nevidence: all\n").ShouldBe("/team/tocsin.yaml:3:11: `evidence` must be one of full, minimal, found `all`");
    }

    [Theory]
    [InlineData("targets: []\n", "/team/tocsin.yaml:1:10: `targets` must be a list of at least one account or organization to scan")]
    [InlineData("targets:\n  - name: a\n    rolename: X\n", "/team/tocsin.yaml:3:5: unknown field `rolename`; expected one of name, profile, organization, roleName, externalId, sessionName, accounts, regions")]
    [InlineData("targets:\n  - name: org\n    organization: true\n", "/team/tocsin.yaml:2:5: target `org` scans an organization and needs `roleName`, the role to assume in each member account")]
    [InlineData("targets:\n  - name: a\n    accounts: [\"12345\"]\n", "/team/tocsin.yaml:3:15: expected 12-digit account ids, found `12345`")]
    [InlineData("targets:\n  - name: a\ncontrols: [no-such-control]\n", "/team/tocsin.yaml:3:11: unknown control `no-such-control`; `tocsin controls` lists the ids and aliases")]
    [InlineData("targets:\n  - name: a\nconcurrency: 0\n", "/team/tocsin.yaml:3:14: `concurrency` must be a whole number above 0, found `0`")]
    [InlineData("targets:\n  - name: [a\n", "/team/tocsin.yaml:3:1: not valid YAML: While parsing a flow sequence, did not find expected ',' or ']'.")]
    [InlineData("targets:\n  - name: a\nexceptions: \"a\\0b\"\n", "/team/tocsin.yaml:3:13: `exceptions` is not a path: it holds a NUL character")]
    [InlineData("", "/team/tocsin.yaml:1:1: the file is empty; expected `targets:` (tocsin init writes a starting file)")]
    public void A_bad_file_is_refused_with_line_and_column(string yaml, string message) => Refusal(yaml).ShouldBe(message);

    [Fact]
    public void An_unknown_report_format_is_refused_with_the_formats_there_are()
    {
        Refusal("targets:\n  - name: a\nreport:\n  format: json,xml\n").ShouldBe(
            $"/team/tocsin.yaml:4:11: `format` must be one or more of {string.Join(", ", Tocsin.Reports.ReportWriters.Formats)} separated by commas, found `xml`");
    }

    [Fact]
    public void Several_report_formats_separated_by_commas_are_accepted()
    {
        Parse("targets:\n  - name: a\nreport:\n  format: text,json\n").Report.Format.ShouldBe("text,json");
    }
}

public class InitCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("tocsin-init-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Init_writes_the_starter_file()
    {
        var file = Path.Combine(_folder, "tocsin.yaml");

        var run = CliRun.Of("init", "--config", file);

        run.ExitCode.ShouldBe(0);
        File.ReadAllText(file).ShouldBe(StarterFile.Text);
    }

    [Fact]
    public void Init_never_overwrites_an_existing_file_without_force()
    {
        var file = Path.Combine(_folder, "tocsin.yaml");
        File.WriteAllText(file, "targets: [mine]\n");

        var run = CliRun.Of("init", "--config", file);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("already exists; it was left as it is");
        File.ReadAllText(file).ShouldBe("targets: [mine]\n");
    }
}
