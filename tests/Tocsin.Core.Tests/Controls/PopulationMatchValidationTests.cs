using System.Text.Json.Nodes;
using Tocsin.Core.Controls;

namespace Tocsin.Core.Tests.Controls;

/// <summary>
/// A population's match pattern is checked at load: it parses as a JSON pattern, differs from every other
/// population's, and, first match winning, puts every corpus event of the control in the population it is labelled with.
/// </summary>
public class PopulationMatchValidationTests
{
    private static CatalogException Broken(Action<JsonObject> breakSeed)
    {
        var catalog = CatalogFixture.EmbeddedJson();
        breakSeed(CatalogFixture.Seed(catalog));
        return Should.Throw<CatalogException>(() => CatalogFixture.Load(catalog));
    }

    private static JsonObject Population(JsonObject seed, string name) =>
        seed["populations"]!.AsArray().Single(population => (string?)population!["name"] == name)!.AsObject();

    [Fact]
    public void Every_population_of_every_control_has_a_match_and_the_whole_catalog_loads()
    {
        var catalog = CatalogFixture.Load(CatalogFixture.EmbeddedJson());

        catalog.All.SelectMany(control => control.Populations).ShouldAllBe(population => population.Match.StartsWith('{'));
    }

    [Fact]
    public void A_population_whose_match_misses_its_corpus_event_is_refused_naming_the_event_and_both_populations()
    {
        Broken(seed => Population(seed, "identity-center")["match"] =
                "{ ($.eventName = \"ConsoleLogin\") && ($.userIdentity.sessionContext.sessionIssuer.userName = \"AWSReservedSSO\") }")
            .Message.ShouldBe("control catalog: control 'console-signin-without-mfa', field 'corpus[6]': 'an IAM Identity Center user opens the console through the access portal' is labelled 'identity-center' but no population's match recognises it");
    }

    [Fact]
    public void A_corpus_event_taken_by_an_earlier_population_is_refused_naming_the_population_that_took_it()
    {
        // Without its Identity Center exclusion, the SAML pattern comes first and takes Identity Center sign-ins too.
        Broken(seed => Population(seed, "saml-federated")["match"] =
                "{ ($.eventName = \"ConsoleLogin\") && ($.userIdentity.type = \"AssumedRole\") && ($.additionalEventData.SamlProviderArn = *) }")
            .Message.ShouldBe("control catalog: control 'console-signin-without-mfa', field 'corpus[6]': 'an IAM Identity Center user opens the console through the access portal' is labelled 'identity-center' but it is classified as 'saml-federated', the first population whose match recognises it");
    }

    [Fact]
    public void A_match_that_does_not_parse_is_refused_with_the_column_of_the_mistake()
    {
        Broken(seed => Population(seed, "root-mfa")["match"] = "{ ($.eventName = \"ConsoleLogin\" && ($.userIdentity.type = \"Root\") }")
            .Message.ShouldBe("control catalog: control 'console-signin-without-mfa', field 'populations[root-mfa].match': does not parse: expected `)` at column 67 to close the `(` at column 3, found `}`");
    }

    [Fact]
    public void A_match_that_is_not_a_json_pattern_is_refused()
    {
        Broken(seed => Population(seed, "root-mfa")["match"] = "ConsoleLogin Root")
            .Message.ShouldBe("control catalog: control 'console-signin-without-mfa', field 'populations[root-mfa].match': is not a JSON filter pattern ({ ... }): a population is recognised by the fields of its records");
    }

    [Fact]
    public void An_empty_match_is_refused()
    {
        Broken(seed => Population(seed, "root-mfa")["match"] = "  ")
            .Message.ShouldBe("control catalog: control 'console-signin-without-mfa', field 'populations[root-mfa].match': is empty");
    }

    [Fact]
    public void A_match_identical_to_another_populations_is_refused()
    {
        Broken(seed => Population(seed, "iam-user-mfa")["match"] = Population(seed, "iam-user-no-mfa")["match"]!.GetValue<string>())
            .Message.ShouldBe("control catalog: control 'console-signin-without-mfa', field 'populations[iam-user-mfa].match': is the same pattern as the match of population 'iam-user-no-mfa', which comes first and takes all its records");
    }

    [Fact]
    public void A_population_without_a_match_is_refused_with_its_json_path()
    {
        Broken(seed => Population(seed, "root-mfa").Remove("match"))
            .Message.ShouldBe("control catalog: malformed at $.controls[0].populations[3]: JSON deserialization for type 'Tocsin.Core.Controls.Population' was missing required properties including: 'match'.");
    }

    [Fact]
    public void A_population_named_unclassified_is_refused()
    {
        Broken(seed =>
        {
            Population(seed, "other-api-call")["name"] = "unclassified";
            foreach (var corpusEvent in seed["corpus"]!.AsArray().Where(e => (string?)e!["population"] == "other-api-call"))
            {
                corpusEvent!["population"] = "unclassified";
            }
        }).Message.ShouldBe("control catalog: control 'console-signin-without-mfa', field 'populations': 'unclassified' is the name of records no population recognises");
    }
}
