using System.Text.Json.Nodes;
using Tocsin.Core.Controls;

namespace Tocsin.Core.Tests.Controls;

/// <summary>A mistake in the catalog data stops Tocsin at load with the control id and field in the message.</summary>
public class CatalogValidationTests
{
    private static CatalogException Broken(Action<JsonObject> breakSeed)
    {
        var catalog = CatalogFixture.EmbeddedJson();
        breakSeed(CatalogFixture.Seed(catalog));
        return Should.Throw<CatalogException>(() => CatalogFixture.Load(catalog));
    }

    [Fact]
    public void The_embedded_catalog_loads_without_errors()
    {
        CatalogFixture.Load(CatalogFixture.EmbeddedJson()).All.ShouldNotBeEmpty();
    }

    [Fact]
    public void The_embedded_catalog_as_built_passes_the_checks_start_up_leaves_to_the_tests_its_corpus_classification_included()
    {
        using var stream = typeof(ControlCatalog).Assembly.GetManifestResourceStream("Tocsin.Core.Controls.catalog.json")!;

        ControlCatalog.Load(stream).Ids.ShouldBe(ControlCatalog.Default.Ids);
    }

    [Fact]
    public void An_id_that_is_not_kebab_case_is_refused()
    {
        Broken(seed => seed["id"] = "Console_SignIn").Message
            .ShouldBe("control catalog: control 'Console_SignIn', field 'id': is not kebab-case");
    }

    [Fact]
    public void An_alias_used_twice_is_refused()
    {
        Broken(seed => seed["aliases"]!.AsArray().Add("cis-aws-1.2:3.2")).Message
            .ShouldBe("control catalog: control 'console-signin-without-mfa', field 'aliases': 'cis-aws-1.2:3.2' is listed twice");
    }

    [Fact]
    public void A_corpus_event_labelled_with_an_undeclared_population_is_refused()
    {
        Broken(seed => seed["corpus"]![0]!["population"] = "iam-user-nomfa").Message
            .ShouldBe("control catalog: control 'console-signin-without-mfa', field 'corpus[0].population': 'iam-user-nomfa' is not a declared population");
    }

    [Fact]
    public void A_corpus_event_without_an_event_name_is_refused()
    {
        Broken(seed => seed["corpus"]![1]!["event"]!.AsObject().Remove("eventName")).Message
            .ShouldBe("control catalog: control 'console-signin-without-mfa', field 'corpus[1].event.eventName': is missing or not a non-empty string (every CloudTrail record has it)");
    }

    [Fact]
    public void A_corpus_event_missing_a_field_is_refused_naming_its_control_and_place()
    {
        Broken(seed => seed["corpus"]![3]!.AsObject().Remove("description")).Message
            .ShouldStartWith("control catalog: control 'console-signin-without-mfa', field 'corpus[3]': malformed at $: ");
    }

    [Fact]
    public void A_corpus_event_that_is_not_an_object_is_refused()
    {
        Broken(seed => seed["corpus"]![2]!["event"] = "ConsoleLogin").Message
            .ShouldBe("control catalog: control 'console-signin-without-mfa', field 'corpus[2].event': is not a JSON object");
    }

    [Fact]
    public void A_required_population_without_an_alerting_event_is_refused()
    {
        Broken(seed =>
        {
            foreach (var corpusEvent in seed["corpus"]!.AsArray())
            {
                if ((string?)corpusEvent!["population"] == "iam-user-no-mfa")
                {
                    corpusEvent["alerts"] = false;
                }
            }
        }).Message.ShouldBe("control catalog: control 'console-signin-without-mfa', field 'populations[iam-user-no-mfa]': is required but has no alerting event in the corpus");
    }

    [Fact]
    public void An_empty_reference_pattern_is_refused()
    {
        Broken(seed => seed["referencePatterns"]![0]!["pattern"] = " ").Message
            .ShouldBe("control catalog: control 'console-signin-without-mfa', field 'referencePatterns[cis].pattern': is empty");
    }

    [Fact]
    public void An_accepted_variant_that_drops_a_required_population_is_refused()
    {
        Broken(seed => seed["acceptedVariants"]![0]!["drops"]!.AsArray().Add("iam-user-no-mfa")).Message
            .ShouldBe("control catalog: control 'console-signin-without-mfa', field 'acceptedVariants[cis-strict].drops': 'iam-user-no-mfa' is required and cannot be dropped");
    }

    [Fact]
    public void A_population_covered_by_an_unknown_control_is_refused()
    {
        Broken(seed =>
        {
            foreach (var population in seed["populations"]!.AsArray())
            {
                if ((string?)population!["name"] == "root-no-mfa")
                {
                    population["coveredBy"] = "root-usage";
                }
            }
        }).Message.ShouldBe("control catalog: control 'console-signin-without-mfa', field 'populations[root-no-mfa].coveredBy': 'root-usage' is not another control's id");
    }

    [Fact]
    public void A_missing_field_is_refused_with_its_json_path()
    {
        Broken(seed => seed.Remove("title")).Message
            .ShouldStartWith("control catalog: malformed at $.controls[0]");
    }

    [Fact]
    public void A_remediation_pattern_that_is_no_reference_or_variant_is_refused()
    {
        Broken(seed => seed["remediation"]!["pattern"] = "{ $.eventName = \"ConsoleLogin\" }").Message
            .ShouldBe("control catalog: control 'console-signin-without-mfa', field 'remediation.pattern': is neither a reference pattern nor an accepted variant of the control");
    }
}
